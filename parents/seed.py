"""The parents' section of the demo site from media_seed/parents/content.json: «Родителям» with five guides written
for parents, the club «Мой ребёнок и его будущее» as this school year's meetings (each with a printable memo), and
the directory of support centres with its request form. The centres are demonstration entries (their contacts are
made up and say so), each with a staff account that cannot sign in; the home page's box for parents leads here.
Idempotent."""

import datetime
import json
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale, Site

from atlas.models import MunicipalDistrict
from home.models import ContentPage, EventIndexPage, EventPage, SectionPage
from portal.pdf import pdf_bytes
from portal.seeding import PageSeeder, collection, link_from_home

from .access import centre_staff_group
from .models import CentreKind, SupportCentre, SupportCentresPage

CONTENT = Path(settings.BASE_DIR) / "media_seed" / "parents" / "content.json"
DEMO_DOMAIN = "demo.example.invalid"
MATERIALS_COLLECTION = "Материалы для родителей"
# (name, kind, district or None for the krai, town, services): demonstration entries, contacts made up.
CENTRES = [
    (
        "Краевой центр психолого-педагогической, медицинской и социальной помощи",
        CentreKind.SUPPORT,
        None,
        "г. Хабаровск",
        "Консультации психолога, логопеда и дефектолога для детей и родителей; помощь в подготовке к ПМПК.",
    ),
    (
        "Центр профессионального самоопределения ХК ИРО",
        CentreKind.CAREER,
        None,
        "г. Хабаровск",
        "Профориентационные консультации для школьников и родителей, в том числе онлайн.",
    ),
    (
        "Центр психолого-педагогической помощи города Хабаровска",
        CentreKind.SUPPORT,
        "Городской округ «Город Хабаровск»",
        "г. Хабаровск",
        "Консультации психолога по выбору профиля и профессии, занятия для подростков.",
    ),
    (
        "Центр психолого-педагогической помощи города Комсомольска-на-Амуре",
        CentreKind.SUPPORT,
        "Городской округ «Город Комсомольск-на-Амуре»",
        "г. Комсомольск-на-Амуре",
        "Консультации психолога и дефектолога, профориентационная диагностика для 8–11 классов.",
    ),
    (
        "Амурский районный центр психолого-педагогической помощи",
        CentreKind.SUPPORT,
        "Амурский муниципальный район",
        "г. Амурск",
        "Консультации для родителей и детей, в том числе для семей, воспитывающих детей с ОВЗ.",
    ),
    (
        "Ванинский районный центр профориентации",
        CentreKind.CAREER,
        "Ванинский муниципальный район",
        "рп Ванино",
        "Профориентационные консультации и встречи с работодателями района.",
    ),
    (
        "Николаевский районный центр психолого-педагогической помощи",
        CentreKind.SUPPORT,
        "Николаевский муниципальный район",
        "г. Николаевск-на-Амуре",
        "Консультации психолога, логопеда; выездные консультации в сёла района.",
    ),
    (
        "Советско-Гаванский центр психолого-педагогической помощи",
        CentreKind.SUPPORT,
        "Советско-Гаванский муниципальный район",
        "г. Советская Гавань",
        "Консультации психолога для школьников и родителей, групповые занятия.",
    ),
]
DEMO_NOTE = (
    "<p><em>Центры в справочнике — демонстрационные записи: названия, адреса и телефоны придуманы, чтобы показать, "
    "как работает раздел. Редакция заменит их сведениями центров края.</em></p>"
)


def school_year_date(month, today=None):
    """The 15th of ``month`` in the current school year (September to August)."""
    today = today or timezone.localdate()
    first_year = today.year if today.month >= 9 else today.year - 1
    return datetime.date(first_year if month >= 9 else first_year + 1, month, 15)


def sections_body(sections):
    return json.dumps(
        [
            block
            for section in sections
            for block in (
                {"type": "heading", "value": {"text": section["heading"], "level": "h2"}},
                {"type": "paragraph", "value": section["html"]},
            )
        ],
        ensure_ascii=False,
    )


class Seeder(PageSeeder):
    def run(self):
        content = json.loads(CONTENT.read_text(encoding="utf-8"))
        home = Site.objects.get(is_default_site=True).root_page.specific
        index = content["index"]
        section = self.upsert(
            home,
            SectionPage,
            "roditeliam",
            title=index["title"],
            summary=index["summary"],
            easy_read_summary=index["easy_read_summary"],
            body=json.dumps([{"type": "paragraph", "value": index["introduction"]}], ensure_ascii=False),
        )
        for guide in content["guides"]:
            self.upsert(
                section,
                ContentPage,
                guide["slug"],
                title=guide["title"],
                summary=guide["summary"],
                easy_read_summary=guide["easy_read_summary"],
                audiences=["parents"],
                body=sections_body(guide["sections"]),
            )
        self.club(section, content["club"])
        centres_page = self.centres_page(section)
        self.centres()
        self.english(section, centres_page)
        for audience, page, texts in (
            ("parents", section, {"ru": "Раздел для родителей", "en": "For parents"}),
            ("parents", centres_page, {"ru": "Куда обратиться за помощью", "en": "Where to get help"}),
        ):
            link_from_home(audience, page, texts)
        return self.created

    def centres_page(self, section):
        return self.upsert(
            section,
            SupportCentresPage,
            "tsentry",
            title="Куда обратиться за помощью",
            summary="Центры психолого-педагогической, медицинской и социальной помощи и центры профориентации края: "
            "адреса, телефоны, часы работы и форма вопроса специалисту.",
            easy_read_summary="Здесь адреса центров, где помогают родителям и детям.\n"
            "Можно позвонить или написать вопрос.\nКонсультации бесплатные.",
            introduction="<p>Специалисты центров бесплатно консультируют родителей и детей: о выборе профиля и "
            "профессии, об учёбе и поступлении, о поддержке детей с ОВЗ и инвалидностью. Выберите свой район "
            "или краевой центр, позвоните или задайте вопрос через форму.</p>" + DEMO_NOTE,
            request_introduction="<p>Напишите, что вас беспокоит: специалист центра ответит по почте или "
            "перезвонит, обычно в течение нескольких рабочих дней. Консультация бесплатная.</p>",
        )

    def club(self, section, club):
        index = self.upsert(
            section,
            EventIndexPage,
            "klub-moi-rebenok-i-ego-budushchee",
            title=club["title"],
            summary=club["summary"],
            intro=club["introduction"],
        )
        for meeting in club["meetings"]:
            memo = self.memo(meeting["material"], club["title"])
            date = school_year_date(meeting["month"])
            self.upsert(
                index,
                EventPage,
                meeting["slug"],
                title=meeting["title"],
                summary=meeting["summary"],
                start_date=date,
                end_date=date,
                start_time=datetime.time(18, 30),
                end_time=datetime.time(19, 45),
                dates_approximate=True,
                period_text=f"{date:%m.%Y}, дата и место — в школе ({meeting['grades']})",
                responsible="Образовательные организации края\nКГАОУ ДПО ХК ИРО",
                venue="Школы края, очно или онлайн",
                audiences=["parents"],
                body=json.dumps(
                    [
                        {"type": "paragraph", "value": meeting["html"]},
                        {"type": "documents", "value": {"heading": "Материал встречи", "documents": [memo.pk]}},
                    ],
                    ensure_ascii=False,
                ),
            )
        return index

    def memo(self, material, subtitle):
        """The meeting's printable memo, generated once into the parents' collection."""
        return self.generated_document(
            material["title"],
            collection(MATERIALS_COLLECTION),
            lambda: pdf_bytes(
                None, "parents/memo_pdf.html", {"memo": material, "subtitle": subtitle}, title=material["title"]
            ),
            "pdf",
        )

    def centres(self):
        group = centre_staff_group()
        districts = {d.name: d for d in MunicipalDistrict.objects.in_default_locale()}
        User = get_user_model()
        for number, (name, kind, district, town, services) in enumerate(CENTRES, start=1):
            if SupportCentre.objects.filter(name_ru=name).exists() and not self.refresh:
                continue
            centre, created = SupportCentre.objects.update_or_create(
                name_ru=name,
                defaults={
                    "kind": kind,
                    "district": districts.get(district),
                    "address": f"{town}, ул. Примерная, д. {number}",
                    "phone": f"+7 (000) 000-00-{number:02d}",
                    "email": f"centre-{number}@{DEMO_DOMAIN}",
                    "hours_ru": "пн–пт 9:00–18:00, обед 13:00–14:00",
                    "hours_en": "Mon–Fri 9:00–18:00, lunch 13:00–14:00",
                    "services_ru": services,
                    "is_demonstration": True,
                },
            )
            self.created += created
            staff, _new = User.objects.get_or_create(
                username=f"centre-{number}@{DEMO_DOMAIN}",
                defaults={"email": f"centre-{number}@{DEMO_DOMAIN}", "first_name": "Специалист", "last_name": name},
            )
            if _new:
                staff.set_unusable_password()
                staff.save()
            staff.groups.add(group)
            centre.staff.add(staff)

    def english(self, section, centres_page):
        en = Locale.objects.filter(language_code="en").first()
        if en is None:
            return
        self.translate(
            section,
            en,
            title="Parents",
            slug="parents",
            intro="How to help your child choose a profession, where to study in the krai, and where to get advice.",
            summary="How to help your child choose a profession, where to study in the krai, and where to get advice.",
            easy_read_summary="",
            body=json.dumps(
                [
                    {
                        "type": "paragraph",
                        "value": "<p>The guides for parents are in Russian. The directory of the krai’s support "
                        "centres is below: their specialists advise parents and children free of charge.</p>",
                    }
                ]
            ),
        )
        self.translate(
            centres_page,
            en,
            title="Where to get help",
            slug="support-centres",
            summary="The krai’s psychological, pedagogical and social support centres and career guidance centres: "
            "addresses, phones, hours, and a form to ask a specialist.",
            easy_read_summary="",
            introduction="<p>The centres’ specialists advise parents and children free of charge: on choosing a "
            "profile and a profession, on studies and admission, on support for children with disabilities. Most "
            "specialists answer in Russian.</p><p><em>The centres listed are demonstration entries: their names, "
            "addresses and phones are made up to show how the section works.</em></p>",
            request_introduction="<p>Write what worries you: a specialist will answer by e-mail or call you back, "
            "usually within a few working days. The consultation is free.</p>",
        )
