"""Test factories for the general page types (wagtail-factories)."""

import datetime

import factory
import wagtail_factories
from wagtail.models import Locale, Page, Site

from home import models


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Учись и работай в Хабаровском крае"
    slug = "home"
    intro = "Портал профориентации Хабаровского края."

    class Meta:
        model = models.HomePage


class SectionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Раздел {n}")
    intro = "Вводный текст раздела."

    class Meta:
        model = models.SectionPage


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Документ {n}")
    summary = "Краткое описание документа."

    class Meta:
        model = models.ContentPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Новости"
    slug = "news"

    class Meta:
        model = models.NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Новость {n}")
    date = datetime.date(2024, 4, 1)
    summary = "Коротко о новости."

    class Meta:
        model = models.NewsPage


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Мероприятия"
    slug = "events"

    class Meta:
        model = models.EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Мероприятие {n}")
    start_date = datetime.date(2024, 4, 15)
    period_text = "ежегодно, апрель"
    responsible = "министерство образования и науки края\nХК ИРО"

    class Meta:
        model = models.EventPage


def make_site_tree():
    """Locales, a home page as the default site's root (replacing Wagtail's welcome page) and its
    English translation. Returns ``(home_ru, home_en)``."""
    Locale.objects.get_or_create(language_code="ru")
    en = Locale.objects.get_or_create(language_code="en")[0]
    root = Page.get_first_root_node()
    welcome = list(root.get_children())
    for page in welcome:
        page.slug = f"welcome-{page.pk}"
        page.save()
    home = HomePageFactory(parent=root)
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    for page in welcome:
        page.delete()
    home_en = home.copy_for_translation(en)
    home_en.title = "Learn and Work in Khabarovsk Krai"
    home_en.save_revision().publish()
    return home, home_en.specific
