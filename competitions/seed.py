"""The competitions of the demo site from media_seed/competitions/content.json: «Конкурсы» under the home page with the
three competitions the regional programme names, dated around today so that one takes entries, one opens soon and one
is being judged, and last school year's «Профессии моей семьи» with its results published and demonstration winners.
Every competition and entry is a demonstration entry; each competition's rules are a small generated PDF, its jury a
demonstration account that cannot sign in. Idempotent."""

import datetime
import json
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Site

from portal.pdf import pdf_bytes
from portal.seeding import PageSeeder, collection

from .access import jury_group
from .models import CompetitionIndexPage, CompetitionPage, Entry, Nomination
from .schedule import school_year

CONTENT = Path(settings.BASE_DIR) / "media_seed" / "competitions" / "content.json"
DEMO_DOMAIN = "demo.example.invalid"
RULES_COLLECTION = "Положения о конкурсах"


class Seeder(PageSeeder):
    def run(self):
        content = json.loads(CONTENT.read_text(encoding="utf-8"))
        home = Site.objects.get(is_default_site=True).root_page.specific
        about = content["index"]
        index = self.upsert(
            home,
            CompetitionIndexPage,
            "konkursy",
            show_in_menus=True,
            title=about["title"],
            summary=about["summary"],
            easy_read_summary=about["easy_read_summary"],
            introduction=about["introduction"],
        )
        today = timezone.localdate()
        by_slug = {}
        for number, item in enumerate(content["competitions"], start=1):
            days = item["calendar"]
            dates = [today + datetime.timedelta(days=days[key]) for key in ("opens", "closes", "results")]
            by_slug[item["slug"]] = self.competition(index, item, item["slug"], item["title"], dates, number)
        past = content["past"]
        first_year = school_year(today) - 1
        months = past["calendar"]
        dates = [
            datetime.date(first_year + 1, months[key], 15) for key in ("opens_month", "closes_month", "results_month")
        ]
        model = next(item for item in content["competitions"] if item["slug"] == past["copy_of"])
        title = f"{past['title']} — {first_year}/{(first_year + 1) % 100:02d}"
        competition = self.competition(index, model, past["slug"], title, dates, len(by_slug) + 1)
        self.results(competition, past["winners"], dates[2])
        return self.created

    def competition(self, index, item, slug, title, dates, number):
        opens, closes, results = dates
        existing = CompetitionPage.objects.child_of(index).filter(slug=slug).first()
        page = self.upsert(
            index,
            CompetitionPage,
            slug,
            title=title,
            summary=item["summary"],
            audience=item["audience"],
            grade_from=item["grades"][0] if item["grades"] else None,
            grade_to=item["grades"][1] if item["grades"] else None,
            participants=item["participants"],
            about=item["about"],
            rules=self.rules(title, item),
            entries_open_on=opens,
            entries_close_on=closes,
            results_on=results,
            jury=item["jury"],
            is_demonstration=True,
        )
        if existing is None or self.refresh:
            page.nominations.all().delete()
            for order, nomination in enumerate(item["nominations"]):
                Nomination.objects.create(competition=page, title=nomination, sort_order=order)
            page.jurors.add(self.juror(number))
            page.save()  # a parental many-to-many is written with its page
        return page

    def rules(self, title, item):
        """The competition's «положение», a small generated PDF."""
        memo = {
            "title": f"Положение о конкурсе «{title}»",
            "paragraphs": [
                item["summary"],
                "Участники: " + item["participants"],
                "Демонстрационный документ: сроки и условия придуманы, чтобы показать, как работает раздел.",
            ],
            "items": [f"Номинация «{name}»" for name in item["nominations"]],
        }
        return self.generated_document(
            memo["title"],
            collection(RULES_COLLECTION),
            lambda: pdf_bytes(None, "competitions/rules_pdf.html", {"memo": memo, "subtitle": ""}, title=memo["title"]),
            "pdf",
        )

    def juror(self, number):
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username=f"jury-{number}@{DEMO_DOMAIN}",
            defaults={"email": f"jury-{number}@{DEMO_DOMAIN}", "first_name": "Член жюри", "last_name": str(number)},
        )
        if created:
            user.set_unusable_password()
            user.save()
        user.groups.add(jury_group())
        return user

    def results(self, competition, winners, results_on):
        """The demonstration winners, and the results published on the day they were announced."""
        if competition.entries.exists() and not self.refresh:
            return
        competition.entries.all().delete()
        nominations = list(competition.nominations.all())
        for winner in winners:
            Entry.objects.create(
                competition=competition,
                nomination=nominations[winner["nomination"]],
                participant="student",
                participant_first_name=winner["first"],
                participant_last_name=winner["last"],
                grade=winner["grade"],
                school=winner["school"],
                title=winner["title"],
                status="accepted",
                result=winner["result"],
                consent_digest="",
                is_demonstration=True,
            )
        published = timezone.make_aware(datetime.datetime.combine(results_on, datetime.time(12)))
        CompetitionPage.objects.filter(pk=competition.pk).update(results_published_at=published)
