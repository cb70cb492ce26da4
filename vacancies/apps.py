from django.apps import AppConfig

# What organisations' people may do with vacancies (their own only: partners.permissions); migration 0002 grants them
# to the «Организации» group.
PERMISSIONS = [("vacancies", f"{action}_vacancy") for action in ("add", "change", "delete", "view")]


class VacanciesConfig(AppConfig):
    """«Работай», the vacancies for young people: those approved organisations publish in the narrowed admin and those
    imported from «Работа России»; their public list with facets, their entries in the block on every atlas card and
    on every employer's page. Accounts and per-organisation isolation are ``partners``'; the block is
    ``opportunities``'."""

    name = "vacancies"
    verbose_name = "Вакансии для молодёжи"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_save

        from opportunities import card
        from partners.models import Organisation
        from partners.permissions import grant_to_organisations
        from portal import content_version

        from . import entries
        from .models import Vacancy
        from .models.vacancies import organisation_changed

        # Not pages nor snippets: saving one must still make cached pages (the list, the cards' block) stale.
        content_version.track(Vacancy)
        post_save.connect(organisation_changed, sender=Organisation, dispatch_uid="vacancies.organisation")
        grant_to_organisations("vacancies", *PERMISSIONS)
        # One block «Профпробы, экскурсии и вакансии сейчас» on cards and employers' pages: ours are entries in it.
        card.ENTRY_SOURCES.append(entries.profession_entries)
        card.EMPLOYER_ENTRY_SOURCES.append(entries.employer_entries)
        card.MORE_LINKS.append(entries.more_link)
