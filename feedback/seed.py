"""The contacts page (/kontakty/, /en/contacts/) and the feedback form (/obratnaia-sviaz/, /en/feedback/), with the
site settings' links to them and the contacts of the three bodies. Only what a source confirms is written: the bodies'
names, from the regional project's document (../shared/seed/, section «Ключевые участники»); no address, phone,
e-mail, website or social link was confirmed (../shared/data/ has none), so those stay empty and the site says
«уточняется» until an editor fills them in. Idempotent: a value an editor has set is kept unless ``refresh``."""

from wagtail.models import Locale, Site

from home.models import HomePage
from portal import locales
from portal.models import PortalSettings
from portal.seeding import PageSeeder

from .models import ContactsPage, FeedbackFormField, FeedbackFormPage

# Confirmed by the regional project's document; (Russian, English).
BODY_NAMES = {
    "ministry": (
        "Министерство образования и науки Хабаровского края",
        "Ministry of Education and Science of Khabarovsk Krai",
    ),
    "iro": (
        "КГАОУ ДПО «Хабаровский краевой институт развития образования» (ХК ИРО)",
        "Khabarovsk Krai Institute for the Development of Education (KhK IRO)",
    ),
    "centre": (
        "Центр профессионального самоопределения, наставничества и олимпиадного движения ХК ИРО",
        "Centre for Career Self-Determination, Mentoring and Olympiads of KhK IRO",
    ),
}

CONTACTS_INTRODUCTION = {
    "ru": "<p>Региональный проект «Учись и работай в Хабаровском крае» ведут министерство образования и науки края "
    "и Хабаровский краевой институт развития образования. Здесь — их контакты и контакты краевого центра "
    "профориентации. Вопрос о портале или ошибку на странице можно отправить через "
    "форму обратной связи.</p>",
    "en": "<p>The regional project «Learn and Work in Khabarovsk Krai» is run by the krai’s Ministry of Education and "
    "Science and the Khabarovsk Krai Institute for the Development of Education. Their contacts and those of the "
    "regional career guidance centre are below. A question about the portal or a mistake on a page can be sent "
    "through the feedback form.</p>",
}
FORM_TEXTS = {
    "ru": {
        "title": "Обратная связь",
        "summary": "Вопрос, предложение или ошибка на портале: напишите редакции, представляться не обязательно.",
        "introduction": "<p>Напишите, что на портале стоит исправить или добавить. Представляться не обязательно.</p>",
        "thank_you_text": "<p>Редакция прочитает сообщение и при необходимости исправит сайт.</p>",
        "label": "Ваше сообщение",
        "help_text": "Не больше 3000 символов.",
    },
    "en": {
        "title": "Feedback",
        "summary": "A question, a suggestion or a mistake on the portal: write to the editors, no name needed.",
        "introduction": "<p>Tell us what to correct or add on the portal. You do not need to give your name.</p>",
        "thank_you_text": "<p>The editors will read your message and correct the site where needed.</p>",
        "label": "Your message",
        "help_text": "Up to 3000 characters.",
    },
}


def message_field(language):
    texts = FORM_TEXTS[language]
    return FeedbackFormField(
        label=texts["label"], field_type="multiline", required=True, help_text=texts["help_text"], sort_order=0
    )


class Seeder(PageSeeder):
    def run(self):
        site = Site.objects.get(is_default_site=True)
        home = site.root_page.specific
        english = Locale.objects.filter(language_code__in=locales.languages()[1:]).first()
        contacts = self.upsert(
            home,
            ContactsPage,
            "kontakty",
            title="Контакты",
            summary="Министерство образования и науки края, ХК ИРО и краевой центр профориентации.",
            introduction=CONTACTS_INTRODUCTION["ru"],
        )
        texts = FORM_TEXTS["ru"]
        form = self.upsert(
            home,
            FeedbackFormPage,
            "obratnaia-sviaz",
            title=texts["title"],
            summary=texts["summary"],
            introduction=texts["introduction"],
            thank_you_text=texts["thank_you_text"],
            subject="Сообщение с портала «Учись и работай в Хабаровском крае»",
            form_fields=[message_field("ru")],
        )
        if english is not None and isinstance(home, HomePage) and home.get_translation_or_none(english):
            self.translate(
                contacts,
                english,
                slug="contacts",
                title="Contacts",
                summary="The krai’s Ministry of Education and Science, KhK IRO and the regional career centre.",
                introduction=CONTACTS_INTRODUCTION["en"],
            )
            texts = FORM_TEXTS["en"]
            self.translate(
                form,
                english,
                slug="feedback",
                title=texts["title"],
                summary=texts["summary"],
                introduction=texts["introduction"],
                thank_you_text=texts["thank_you_text"],
                form_fields=[message_field("en")],
            )
        self.settings(site, contacts, form)
        return self.created

    def settings(self, site, contacts, form):
        # The row itself, not the look-up kept for the pages (portal.lookups): it is saved below.
        chosen = PortalSettings.objects.get_or_create(site=site)[0]
        changed = False
        values = {"contacts_page_id": contacts.pk, "feedback_page_id": form.pk}
        for prefix, (name_ru, name_en) in BODY_NAMES.items():
            values[f"{prefix}_name_ru"] = name_ru
            values[f"{prefix}_name_en"] = name_en
        for field, value in values.items():
            if self.refresh or not getattr(chosen, field):
                setattr(chosen, field, value)
                changed = True
        if changed:
            chosen.save()
