"""Builds the demo site from the files in ``media_seed/``: the programme page, the events plan of
section 5, news, collections, images, site settings, editorial roles and the English translation of
the home and programme pages.

Idempotent: a page that already exists (same parent, same slug) is left as the editors made it, unless
``refresh`` is asked for, in which case its fields are overwritten from the files and republished.
"""

import calendar
import datetime
import html
import json
from pathlib import Path

from django.conf import settings
from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Collection, Locale, Page, Site

from portal.addresses import site_address
from portal.audiences import ensure_audience_translations, ensure_audiences
from portal.illustrations import home_illustration
from portal.models import Audience, PortalImage, PortalSettings
from portal.seeding import PageSeeder
from portal.slugs import slug_for

from .models import (
    CollectionPage,
    ContentPage,
    EventIndexPage,
    EventPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    SectionPage,
)
from .roles import ensure_editorial_roles

SEED_DIR = settings.BASE_DIR / "media_seed"
PROGRAMME_DIR = SEED_DIR / "programme"


def load_json(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def text_to_html(text):
    """Plain text with «- » list lines into paragraphs and bulleted lists (escaped)."""
    out, items = [], []
    for line in (line.strip() for line in text.splitlines()):
        if line.startswith("- "):
            items.append(f"<li>{html.escape(line[2:])}</li>")
            continue
        if items:
            out.append(f"<ul>{''.join(items)}</ul>")
            items = []
        if line:
            out.append(f"<p>{html.escape(line)}</p>")
    if items:
        out.append(f"<ul>{''.join(items)}</ul>")
    return "".join(out)


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(rich_html):
    return {"type": "paragraph", "value": rich_html}


# What the portal offers each audience, by language; the links come from the apps that offer it.
AUDIENCE_BOXES = {
    "ru": [
        (
            "students",
            "Школьникам и студентам",
            "Узнайте, какие профессии нужны краю, какие подходят именно вам и где попробовать себя в деле.",
        ),
        (
            "parents",
            "Родителям",
            "Как помочь ребёнку выбрать профессию, куда обратиться за советом и где найти кружок рядом с домом.",
        ),
        (
            "teachers",
            "Педагогам",
            "Готовые занятия по профориентации, экскурсии и профпробы для класса, курсы повышения квалификации.",
        ),
        (
            "disabled_youth",
            "Молодёжи с ОВЗ",
            "Где учиться и работать с учётом здоровья: колледжи с адаптированными программами и доступные ярмарки "
            "вакансий.",
        ),
        (
            "employers",
            "Работодателям",
            "Зарегистрируйте организацию и публикуйте экскурсии, профпробы и вакансии для молодёжи края.",
        ),
    ],
    "en": [
        (
            "students",
            "Students",
            "Find out which professions the krai needs, which suit you, and where to try your hand at them.",
        ),
        (
            "parents",
            "Parents",
            "How to help your child choose a profession, where to ask for advice, and clubs near your home.",
        ),
        (
            "teachers",
            "Teachers",
            "Ready-made career lessons, excursions and job trials for your class, professional development courses.",
        ),
        (
            "disabled_youth",
            "Young people with disabilities",
            "Where to study and work with your health in mind: colleges with adapted programmes and accessible job "
            "fairs.",
        ),
        (
            "employers",
            "Employers",
            "Register your organisation and publish excursions, job trials and vacancies for the krai’s young people.",
        ),
    ],
}


class Seeder(PageSeeder):
    # -- the whole site ----------------------------------------------------------------------------
    @transaction.atomic
    def run(self):
        ru, en = self.foundations()
        ensure_editorial_roles()
        images = self.images()
        programme = load_json(PROGRAMME_DIR / "programme.json")

        home = self.home_page(ru, programme)
        self.hero(home)
        self.site(home)
        about = self.upsert(
            home,
            SectionPage,
            "o-proekte",
            title="О проекте",
            show_in_menus=True,
            intro="Региональный проект «Учись и работай в Хабаровском крае»: цель, задачи, показатели и участники.",
        )
        programme_page = self.programme_page(about, programme)
        self.events(home)
        self.news(home, images)
        self.collections(about)
        self.accessible_environment(about)
        self.home_entry_points(home)

        home_en = self.translate(
            home,
            en,
            title=programme["short_title_en"],
            intro=programme["intro_en"],
            summary=programme["intro_en"],
            easy_read_summary="",
            audiences="[]",
            body="[]",
        )
        self.translate(
            about,
            en,
            title="About the project",
            slug="about",
            intro=(
                "The regional project «Learn and Work in Khabarovsk Krai»: "
                "its goal, tasks, indicators and participants."
            ),
            summary="",
            easy_read_summary="",
            body="[]",
        )
        self.translate(programme_page, en, slug="project-passport", **self.programme_fields(programme, "en"))
        self.hero(home_en)
        self.home_entry_points(home_en)
        self.settings(Site.objects.get(root_page=home))
        return self.created

    @staticmethod
    def foundations():
        """Locales, the tree roots and the audiences. Migrations make all but the English locale; they are
        recreated here so the seed also rebuilds a flushed database (`manage.py flush`, browser tests)."""
        ru = Locale.objects.get_or_create(language_code="ru")[0]
        en = Locale.objects.get_or_create(language_code="en")[0]
        if Page.get_first_root_node() is None:
            Page.add_root(instance=Page(title="Root", slug="root", locale=ru))
        if Collection.get_first_root_node() is None:
            Collection.add_root(name="Root")
        ensure_audiences(Audience, ru)
        ensure_audience_translations(Audience.objects.filter(locale=ru), en)
        return ru, en

    def home_page(self, locale, programme):
        root = Page.get_first_root_node()
        home = HomePage.objects.filter(locale=locale, depth=2).first()
        if home is None:
            home = HomePage(
                title=programme["short_title_ru"],
                slug="home",
                locale=locale,
                intro=programme["intro_ru"],
                summary=programme["intro_ru"],
                easy_read_summary=(
                    "Этот сайт помогает выбрать профессию.\n"
                    "Здесь можно узнать, какие профессии нужны в Хабаровском крае.\n"
                    "Здесь можно узнать, где учиться и где потом работать."
                ),
            )
            # Wagtail's welcome page holds the slug «home» and the site: free the slug, then replace it.
            welcome = list(
                Page.objects.filter(depth=2, content_type__app_label="wagtailcore", content_type__model="page")
            )
            for page in welcome:
                page.slug = f"welcome-{page.pk}"
                page.save(update_fields=["slug", "url_path"])
            root.add_child(instance=home)
            home.save_revision().publish()
            Site.objects.filter(root_page__in=welcome).update(root_page=home)
            for page in welcome:
                page.delete()
            self.created += 1
        return home

    def hero(self, home):
        """The home page's illustration (the project's drawing), unless an editor has chosen one."""
        if home.hero_id is None:
            home.hero = home_illustration()
            home.save_revision().publish()

    def site(self, home):
        """The default Site: rooted at the home page, at the address of ``PUBLIC_BASE_URL``. The setting is the
        source of truth, so an existing Site follows it on every run (``make run PORT=8080`` moves it), also
        without ``--refresh``; the absolute URLs the portal writes never read the Site (portal.addresses)."""
        hostname, port = site_address()
        wanted = {"hostname": hostname, "port": port, "root_page": home, "site_name": settings.WAGTAIL_SITE_NAME}
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(is_default_site=True, **wanted)
            return
        changed = {name: value for name, value in wanted.items() if getattr(site, name) != value}
        if changed:
            for name, value in changed.items():
                setattr(site, name, value)
            site.save()
            if "hostname" in changed or "port" in changed:
                self.log(f"Default site moved to {hostname}:{port} (PUBLIC_BASE_URL)")

    def settings(self, site):
        portal_settings = PortalSettings.for_site(site)
        if portal_settings.organisation_ru and not self.refresh:
            return
        portal_settings.organisation_ru = (
            "Министерство образования и науки Хабаровского края; "
            "Хабаровский краевой институт развития образования (ХК ИРО)"
        )
        portal_settings.organisation_en = (
            "Ministry of Education and Science of Khabarovsk Krai; "
            "Khabarovsk Krai Institute for the Development of Education"
        )
        portal_settings.accessibility_statement_ru = (
            "<p>Мы делаем портал доступным для всех посетителей, в том числе для людей с нарушениями зрения, "
            "слуха и опорно-двигательного аппарата. Цель — уровень AA ГОСТ Р 52872-2019 (WCAG 2.1).</p>"
            "<p>Сайтом можно пользоваться с клавиатуры, страницы размечены заголовками и ориентирами для "
            "программ экранного доступа, у изображений есть текстовые описания.</p>"
            "<p>Если вы столкнулись с препятствием, напишите редакции: мы ответим и исправим.</p>"
        )
        portal_settings.accessibility_statement_en = (
            "<p>We are making the portal accessible to every visitor, including people with visual, hearing and "
            "motor impairments. The target is level AA of GOST R 52872-2019 (WCAG 2.1).</p>"
            "<p>The site can be used with a keyboard, pages are marked up with headings and landmarks for screen "
            "readers, and images have text alternatives.</p>"
            "<p>If something stands in your way, please tell the editors: we will answer and fix it.</p>"
        )
        portal_settings.save()

    def images(self):
        images = {}
        for meta in load_json(SEED_DIR / "images" / "images.json"):
            image = PortalImage.objects.filter(title=meta["title"]).first()
            if image is None:
                with open(SEED_DIR / "images" / meta["file"], "rb") as fh:
                    image = PortalImage(title=meta["title"], description=meta["description"], credit=meta["credit"])
                    image.file = ImageFile(fh, name=meta["file"])
                    image.save()
            images[meta["file"]] = image
        return images

    # -- programme -------------------------------------------------------------------------------
    @staticmethod
    def programme_fields(programme, lang):
        tasks = "".join(f"<li>{html.escape(task[lang])}</li>" for task in programme["tasks"])
        rows = [[item[f"label_{lang}"], item[f"value_{lang}"]] for item in programme["characteristics"]]
        labels = {
            "ru": (
                "Цель проекта",
                "Задачи проекта",
                "Общая характеристика",
                "Показатели профориентационной работы в крае",
                "Показатель",
                "Значение",
                "Паспорт проекта",
            ),
            "en": (
                "Goal",
                "Tasks",
                "General characteristics",
                "Career guidance in the krai in figures",
                "Indicator",
                "Value",
                "Project passport",
            ),
        }[lang]
        body = [
            {
                "type": "callout",
                "value": {
                    "kind": "info",
                    "title": "",
                    "text": f"<p>{html.escape(programme[f'approved_by_{lang}'])}</p>",
                },
            },
            heading(labels[0]),
            paragraph(text_to_html(programme[f"goal_{lang}"])),
            heading(labels[1]),
            paragraph(f"<ol>{tasks}</ol>"),
            heading(labels[2]),
            {
                "type": "table",
                "value": {
                    "caption": labels[3],
                    "table": {
                        "data": [[labels[4], labels[5]], *rows],
                        "first_row_is_table_header": True,
                        "first_col_is_header": True,
                        "table_caption": "",
                    },
                },
            },
        ]
        for section in programme[f"sections_{lang}"]:
            body += [heading(section["heading"]), paragraph(text_to_html(section["text"]))]
        return {
            "title": labels[6] if lang == "en" else "Паспорт проекта «Учись и работай в Хабаровском крае»",
            "summary": programme[f"intro_{lang}"],
            "easy_read_summary": ""
            if lang == "en"
            else (
                "Это план работы на 2021–2024 годы.\n"
                "Его цель — помочь школьникам и студентам выбрать профессию, которая нужна в крае."
            ),
            "body": json.dumps(body, ensure_ascii=False),
        }

    def programme_page(self, about, programme):
        return self.upsert(
            about,
            ContentPage,
            "pasport-proekta",
            audiences=["specialists", "teachers"],
            **self.programme_fields(programme, "ru"),
        )

    # -- events ----------------------------------------------------------------------------------
    @staticmethod
    def event_fields(event):
        wording = event["title_ru"]
        # A plan item longer than a page title has a heading of its own, a whole phrase (cutting the wording at
        # 250 characters left a heading ending in «…»); the cut stays only as the last resort for new rows.
        title = event.get("heading_ru") or wording
        if len(title) > 250:
            title = title[:250].rsplit(" ", 1)[0].rstrip(",;:") + "…"
        fields = {
            "title": title,
            # The plan's full wording, when the title is shorter.
            "body": json.dumps(
                [paragraph(f"<p>{html.escape(wording)}</p>")] if title != wording else [], ensure_ascii=False
            ),
            "period_text": event["period_ru"],
            "responsible": "\n".join(event["responsible_ru"]),
            "summary": event.get("direction_ru") or "",
            "dates_approximate": True,
            "start_date": None,
            "end_date": None,
            "months": "",
            "until_year": None,
        }
        first, last, months = event["start_year"], event["end_year"] or event["start_year"], event["months"]
        if not first:
            return fields
        if event["recurring_yearly"] and months:
            fields.update(
                start_date=datetime.date(first, months[0], 1), months=",".join(map(str, months)), until_year=last
            )
        else:
            first_month, last_month = (months[0], months[-1]) if months else (1, 12)
            fields.update(
                start_date=datetime.date(first, first_month, 1),
                end_date=datetime.date(last, last_month, calendar.monthrange(last, last_month)[1]),
            )
        return fields

    def events(self, home):
        index = self.upsert(
            home,
            EventIndexPage,
            "events",
            title="Мероприятия",
            show_in_menus=True,
            intro="План мероприятий регионального проекта на 2021–2024 годы: сроки, участники и ответственные.",
            summary="План мероприятий проекта «Учись и работай в Хабаровском крае».",
        )
        used = set()
        for event in load_json(PROGRAMME_DIR / "events.json"):
            slug = slug_for(event["title_ru"], max_length=60)
            if slug in used:
                slug = f"{slug}-{event['number']}"
            used.add(slug)
            self.rename(index, event.get("former_slugs", ()), slug)
            self.upsert(index, EventPage, slug, audiences=event["audience"], **self.event_fields(event))
        return index

    @staticmethod
    def rename(parent, former_slugs, slug):
        """A page the seed once made under a slug it no longer uses (a typo fixed in its title) takes the new one, and
        its old address redirects there (301), rather than a second page appearing beside it."""
        page = EventPage.objects.child_of(parent).filter(slug__in=former_slugs).first()
        if page is None or EventPage.objects.child_of(parent).filter(slug=slug).exists():
            return
        old_path = Redirect.normalise_path(page.url)
        page.slug = slug
        page.save_revision().publish()
        Redirect.objects.get_or_create(old_path=old_path, site=page.get_site(), defaults={"redirect_page": page})

    # -- news and collections ----------------------------------------------------------------------
    def news(self, home, images):
        index = self.upsert(
            home,
            NewsIndexPage,
            "news",
            title="Новости",
            show_in_menus=True,
            summary="Новости проекта «Учись и работай в Хабаровском крае».",
        )
        pictures = list(images.values())
        for number, item in enumerate(load_json(PROGRAMME_DIR / "news.json")):
            body = [paragraph("".join(f"<p>{html.escape(p)}</p>" for p in item["body_ru"]))]
            self.upsert(
                index,
                NewsPage,
                item["slug"],
                title=item["title_ru"],
                summary=item["summary_ru"],
                date=datetime.date.fromisoformat(item["date"]),
                image=pictures[number % len(pictures)],
                body=json.dumps(body, ensure_ascii=False),
            )
        return index

    def accessible_environment(self, about):
        """«Доступная среда»: what the portal offers people with disabilities and where to find more."""
        body = [
            heading("Версия для слабовидящих"),
            paragraph(
                "<p>Кнопка «Версия для слабовидящих» в верхней части каждой страницы включает крупный шрифт, "
                "пять цветовых схем, увеличенные интервалы, шрифт с засечками или без, отключение изображений и "
                "озвучивание текста. Настройки запоминаются в браузере и работают без JavaScript.</p>"
            ),
            heading("Как пользоваться сайтом без мыши"),
            paragraph(
                "<p>Все страницы доступны с клавиатуры: клавиша Tab переходит к следующей ссылке или полю, первая "
                "ссылка на странице — «Перейти к основному содержанию». Страницы размечены заголовками и "
                "ориентирами для программ экранного доступа, у изображений есть текстовые описания, документы "
                "в PDF размечены для чтения вспомогательными программами.</p>"
            ),
            heading("Профессии и обучение для людей с ОВЗ и инвалидностью"),
            paragraph(
                '<p>В разделе «<a href="/navigator/ravnye-vozmozhnosti/">Профнавигатор равных возможностей</a>» '
                "можно выбрать категорию нарушения здоровья и увидеть подходящие профессии атласа, "
                'противопоказания, колледжи и работодателей. В «<a href="/navigator/spravochnik-postupaiushchego/">'
                "Справочнике для поступающих</a>» указаны условия для студентов с ОВЗ в колледжах и вузах края.</p>"
            ),
            heading("Материалы в доступном формате"),
            paragraph(
                "<p>Если документ на сайте неудобно читать, напишите редакции: мы подготовим его в доступном "
                'формате. О препятствиях на сайте можно сообщить через <a href="/accessibility/">заявление '
                "о доступности</a>.</p>"
            ),
        ]
        self.upsert(
            about,
            ContentPage,
            "dostupnaia-sreda",
            title="Доступная среда",
            audiences=["disabled_youth"],
            summary="Возможности портала для людей с инвалидностью и ОВЗ и где найти сведения о доступном обучении.",
            easy_read_summary=(
                "Сайтом могут пользоваться люди с нарушениями зрения и слуха.\n"
                "Можно сделать буквы крупнее.\nМожно пользоваться сайтом без мыши."
            ),
            body=json.dumps(body, ensure_ascii=False),
        )

    def collections(self, about):
        from django.contrib.contenttypes.models import ContentType

        event_type = ContentType.objects.get_for_model(EventPage)
        for slug, title, audience in [
            ("meropriiatiia-dlia-pedagogov", "Мероприятия для педагогов", "teachers"),
            ("meropriiatiia-dlia-roditelei", "Мероприятия для родителей", "parents"),
        ]:
            self.upsert(
                about,
                CollectionPage,
                slug,
                title=title,
                page_type=event_type,
                audience=Audience.objects.get(slug=audience, locale=about.locale),
                intro="Подборка мероприятий плана проекта, составленная автоматически по целевой аудитории.",
            )

    @staticmethod
    def audience_entries(entries):
        return json.dumps(
            [
                {
                    "type": "entry",
                    "value": {
                        "audience": audience,
                        "title": title,
                        "text": text,
                        "links": [{"page": pk, "url": "", "text": link} for pk, link in links],
                    },
                }
                for audience, title, text, links in entries
            ],
            ensure_ascii=False,
        )

    def home_entry_points(self, home):
        """The home page's box for each audience, in the home page's language. The boxes start without links: each
        app's seed leads its audience to its own tool (``link_from_home``), so a box lists only tools that exist."""
        home = HomePage.objects.get(pk=home.pk)  # fresh: the tree changed under the object we held
        if home.audiences and not self.refresh:
            return
        boxes = AUDIENCE_BOXES[home.locale.language_code]
        home.audiences = self.audience_entries([(audience, title, text, []) for audience, title, text in boxes])
        home.save_revision().publish()
