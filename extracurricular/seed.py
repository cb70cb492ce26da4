"""The catalogue of additional education on the demo site: the page «Кружки и секции: дополнительное образование» at
/dopolnitelnoe-obrazovanie/ (Russian and English), the demonstration programmes of
media_seed/extracurricular/programmes.json over the krai's districts (the organisations are kinds of real ones, the
programmes made up, every one marked), and links to the catalogue in the home page's boxes for parents and students.
Idempotent: existing programmes are left as editors made them unless ``--refresh``."""

import json
from pathlib import Path

from django.conf import settings
from wagtail.models import Locale, Site

from atlas.models import MunicipalDistrict
from portal.seeding import PageSeeder, link_from_home

from .models import ExtracurricularCatalogPage, ExtracurricularProgramme
from .models.programmes import NAVIGATOR_URL

DATA = Path(settings.BASE_DIR) / "media_seed" / "extracurricular" / "programmes.json"
SLUG = "dopolnitelnoe-obrazovanie"


class Seeder(PageSeeder):
    def run(self):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            return self.created
        home = site.root_page.specific
        page = self.catalogue(home)
        self.programmes()
        self.english(home, page)
        link_from_home("parents", page, {"ru": "Кружки и секции для ребёнка", "en": "Clubs and classes for your child"})
        return self.created

    def catalogue(self, home):
        return self.upsert(
            home,
            ExtracurricularCatalogPage,
            SLUG,
            show_in_menus=True,
            title="Кружки и секции: дополнительное образование",
            summary="Кружки, студии и секции края по шести направлениям дополнительного образования — техническому, "
            "естественнонаучному, художественному, туристско-краеведческому, социально-гуманитарному и "
            "физкультурно-спортивному — с выбором по району и возрасту ребёнка.",
            easy_read_summary="Здесь кружки и секции для детей.\nВыберите свой район и возраст ребёнка.\n"
            "Записаться можно в навигаторе.",
            introduction="<p>Кружок или секция — хороший способ попробовать себя в деле и понять, что нравится: "
            "собрать робота, поставить спектакль, сходить в поход, провести опыт в лаборатории. Выберите район, "
            "возраст ребёнка и направление.</p>"
            f'<p>Запись на все программы идёт в <a href="{NAVIGATOR_URL}">«Навигаторе дополнительного образования '
            "Хабаровского края»</a>: там же — расписание групп, свободные места и сертификат "
            "дополнительного образования.</p>"
            "<p><em>Программы в каталоге — демонстрационные записи: они показывают, как работает раздел. Редакция "
            "заменит их программами организаций края.</em></p>",
        )

    def programmes(self):
        rows = json.loads(DATA.read_text(encoding="utf-8"))["programmes"]
        districts = {d.name: d for d in MunicipalDistrict.objects.in_default_locale()}
        for row in rows:
            district = districts.get(row["district"])
            if district is None:  # the atlas's seed was not loaded
                continue
            existing = ExtracurricularProgramme.objects.filter(title_ru=row["title"], organisation=row["organisation"])
            if existing.exists() and not self.refresh:
                continue
            _programme, created = ExtracurricularProgramme.objects.update_or_create(
                title_ru=row["title"],
                organisation=row["organisation"],
                defaults={
                    "title_en": row["title_en"],
                    "district": district,
                    "direction": row["direction"],
                    "age_from": row["age_from"],
                    "age_to": row["age_to"],
                    "cost": row["cost"],
                    "schedule": row["schedule"],
                    "summary": row["summary"],
                    "enrol_url": NAVIGATOR_URL,
                    "is_demonstration": True,
                },
            )
            self.created += created

    def english(self, home, page):
        english = Locale.objects.filter(language_code="en").first()
        if english is None or home.get_translation_or_none(english) is None:
            return None
        return self.translate(
            page,
            english,
            title="Clubs and classes: additional education",
            slug="additional-education",
            summary="The krai’s clubs, studios and sports sections in the six directions of additional education, "
            "by district and by the child’s age.",
            easy_read_summary="",
            introduction="<p>A club is a good way for a child to try things out and find what they enjoy. Choose "
            "the district, the child’s age and the direction. The programmes’ descriptions are in Russian.</p>"
            f'<p>Children are enrolled in every programme through the <a href="{NAVIGATOR_URL}">navigator of '
            "additional education of Khabarovsk Krai</a> (in Russian).</p>"
            "<p><em>The programmes listed are demonstration entries, made up to show how the section works.</em></p>",
        )
