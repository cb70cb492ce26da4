"""The guides of the demo site: the «Профнавигатор» section with two editions built from the atlas, the
equal-opportunities navigator and the handbook for applicants. Idempotent like the other seeds."""

import json

from django.conf import settings
from wagtail.models import Locale, Site

from atlas.models import ProfessionPage, Sector
from navigator.models import ApplicantHandbookPage, EqualOpportunitiesPage, NavigatorIndexPage, ProfnavigatorEditionPage
from portal.seeding import PageSeeder, link_from_home


def paragraph(text):
    return {"type": "paragraph", "value": text}


class Seeder(PageSeeder):
    def run(self):
        home = Site.objects.get(is_default_site=True).root_page
        pages = []
        index = self.upsert(
            home,
            NavigatorIndexPage,
            "navigator",
            title="Профнавигатор",
            show_in_menus=True,
            summary="Ежегодный путеводитель по профессиям, востребованным в Хабаровском крае, и его издание "
            "для молодёжи с ОВЗ и инвалидностью.",
            easy_read_summary="Здесь собраны книги о профессиях.\nОни помогают выбрать, кем работать.",
            introduction="<p>«Профнавигатор» выходит каждый год: в нём профессии, которые нужны экономике края, "
            "сгруппированные по отраслям. Каждое издание можно скачать целиком в PDF.</p>",
        )
        sectors = list(Sector.objects.filter(locale__language_code="ru").order_by("name"))
        cards = list(ProfessionPage.objects.live().filter(locale__language_code="ru").order_by("title"))
        pages.append(index)
        for year, current in ((2025, False), (2026, True)):
            edition = self.upsert(
                index,
                ProfnavigatorEditionPage,
                f"profnavigator-{year}",
                title=f"Профнавигатор-{year}",
                year=year,
                is_current=current,
                summary=f"Издание {year} года: востребованные профессии края по отраслям.",
                introduction=(
                    f"<p>Издание {year} года собрано из карточек атласа востребованных профессий. "
                    "Профессии сгруппированы по отраслям, внутри отрасли — в порядке, выбранном "
                    "редакцией.</p>"
                ),
                sections=json.dumps(self.sections(sectors, cards, year), ensure_ascii=False),
            )
            pages.append(edition)
        equal = self.upsert(
            index,
            EqualOpportunitiesPage,
            "ravnye-vozmozhnosti",
            title="Профнавигатор равных возможностей",
            summary=(
                "Профессии атласа для молодёжи с ОВЗ и инвалидностью: кому какая работа доступна и на каких условиях."
            ),
            easy_read_summary=(
                "Выберите, какое у вас нарушение здоровья.\nСайт покажет профессии, которые вам подходят.\n"
                "Окончательно решает врач."
            ),
            introduction=(
                "<p>Выберите категорию нарушения здоровья — появятся профессии атласа, которые для неё "
                "подходят полностью или с ограничениями, с противопоказаниями, колледжами и "
                "работодателями края. Сведения носят справочный характер: решение о допуске к "
                "профессии принимает врач.</p>"
            ),
            support=json.dumps(
                [
                    {"type": "heading", "value": {"text": "Какая помощь положена", "level": "h3"}},
                    paragraph(
                        "<ul><li>обучение по адаптированным образовательным программам (АОП СПО) в колледжах "
                        "края;</li><li>сопровождение во время учёбы: тьютор, сурдопереводчик, технические "
                        "средства;</li><li>профориентационные площадки и участие в чемпионате «Абилимпикс»;</li>"
                        "<li>содействие в трудоустройстве: службы занятости и центры содействия "
                        "трудоустройству выпускников колледжей.</li></ul>"
                    ),
                ],
                ensure_ascii=False,
            ),
            contacts="<p>Министерство образования и науки Хабаровского края; Хабаровский краевой институт развития "
            "образования (ХК ИРО).</p>",
        )
        handbook = self.upsert(
            index,
            ApplicantHandbookPage,
            "spravochnik-postupaiushchego",
            title="Справочник для поступающих",
            summary="Колледжи и вузы Хабаровского края: программы, условия для студентов с ОВЗ, дни открытых дверей.",
            easy_read_summary="Здесь список колледжей и университетов края.\nМожно узнать, чему там учат.",
            admission=json.dumps(
                [
                    paragraph(
                        "<p>Приём в колледжи проходит без вступительных экзаменов по среднему баллу аттестата, "
                        "кроме специальностей, где нужны творческие или физические способности. Сроки подачи "
                        "документов каждый колледж публикует в правилах приёма на своём сайте.</p>"
                    ),
                ],
                ensure_ascii=False,
            ),
        )
        self.english([*pages, equal, handbook])
        link_from_home(
            "disabled_youth",
            equal,
            {"ru": "Профнавигатор равных возможностей", "en": "Equal Opportunities Profnavigator"},
        )
        return self.created

    def english(self, pages):
        """The guides in English, through wagtail-localize's translation records (texts in
        media_seed/navigator/navigator.en.json; the editions' section titles are the sectors' English names)."""
        english = Locale.objects.filter(language_code="en").first()
        texts = json.loads((settings.BASE_DIR / "media_seed/navigator/navigator.en.json").read_text(encoding="utf-8"))
        if english is None or not pages[0].get_parent().has_translation(english):
            return
        sector_names = {
            sector.name: translated
            for sector, translated in (
                (sector, sector.get_translation_or_none(english))
                for sector in Sector.objects.filter(locale=pages[0].locale)
            )
            if translated is not None
        }
        for page in pages:
            if page.slug in texts:
                sections = {
                    block.value["title"]: sector_names[block.value["title"]]
                    for block in getattr(page.specific, "sections", [])
                    if block.value["title"] in sector_names
                }
                self.translate_localized(
                    page, english, {**texts[page.slug], **{k: v.name for k, v in sections.items()}}
                )

    @staticmethod
    def sections(sectors, cards, year):
        """Sections by sector; the 2025 edition had no professions of the future and only high demand."""
        result = []
        for sector in sectors:
            chosen = [
                c
                for c in cards
                if c.sector_id == sector.pk
                and (year > 2025 or (c.demand_level == "high" and not c.is_future_profession))
            ]
            if chosen:
                result.append(
                    {
                        "type": "section",
                        "value": {
                            "title": sector.name,
                            "sector": sector.pk,
                            "notes": "",
                            "professions": [c.pk for c in chosen],
                        },
                    }
                )
        return result
