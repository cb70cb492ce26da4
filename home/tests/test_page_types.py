"""The editor's path and the visitor's path for every general page type."""

import re

import pytest
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home import models
from home.factories import (
    ContentPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    SectionPageFactory,
    make_site_tree,
)
from portal.models import Audience


def list_block(items):
    """Form data of a ListBlock (Wagtail's form_data helpers cover StreamBlocks only)."""
    data = {str(i): {"value": value, "deleted": "", "order": str(i), "id": ""} for i, value in enumerate(items)}
    return {**data, "count": str(len(items))}


class PageTypeRulesTests(WagtailPageTestCase):
    """Parent/child rules keep the tree sensible."""

    def test_allowed_parents(self):
        section_parents = {models.HomePage, models.SectionPage}
        self.assertAllowedParentPageTypes(models.HomePage, {Page})
        for model in (
            models.SectionPage,
            models.ContentPage,
            models.NewsIndexPage,
            models.EventIndexPage,
            models.CollectionPage,
            models.LinkPage,
        ):
            self.assertAllowedParentPageTypes(model, section_parents)
        self.assertAllowedParentPageTypes(models.NewsPage, {models.NewsIndexPage})
        self.assertAllowedParentPageTypes(models.EventPage, {models.EventIndexPage})

    def test_leaves_cannot_have_children(self):
        for leaf in (models.ContentPage, models.NewsPage, models.EventPage, models.LinkPage, models.CollectionPage):
            self.assertCanNotCreateAt(leaf, models.SectionPage)
        self.assertCanNotCreateAt(models.NewsIndexPage, models.EventPage)
        self.assertCanNotCreateAt(models.HomePage, models.NewsPage)


class EditorCreatesPagesTests(WagtailPageTestCase):
    """An editor creates each page type through the admin form."""

    def setUp(self):
        self.home, _ = make_site_tree()
        # Signed in without a password: django-axes refuses authenticate() calls that bring no request, as the
        # test client's login() is.
        self.user = self.create_test_user()
        self.client.force_login(self.user)

    def test_home_page_under_the_root(self):
        root = Page.get_first_root_node()
        self.assertCanCreate(
            root,
            models.HomePage,
            nested_form_data(
                {
                    "title": "Второй сайт",
                    "slug": "vtoroi-sait",
                    "intro": "Для проверки.",
                    "summary": "",
                    "easy_read_summary": "",
                    "audiences": streamfield(
                        [
                            (
                                "entry",
                                {
                                    "audience": "students",
                                    "title": "Школьникам",
                                    "text": "Профессии края.",
                                    "links": list_block(
                                        [{"page": "", "url": "https://example.org/", "text": "Ссылка"}]
                                    ),
                                },
                            ),
                        ]
                    ),
                    "body": streamfield([]),
                }
            ),
        )
        self.assertEqual(len(models.HomePage.objects.get(slug="vtoroi-sait").audiences), 1)

    def test_section_content_news_event_link_collection(self):
        self.assertCanCreate(
            self.home,
            models.SectionPage,
            nested_form_data(
                {
                    "title": "Для родителей",
                    "slug": "dlya-roditelei",
                    "intro": "Как помочь ребёнку с выбором.",
                    "summary": "",
                    "easy_read_summary": "",
                    "body": streamfield([]),
                }
            ),
        )
        section = models.SectionPage.objects.get(slug="dlya-roditelei")
        self.assertCanCreate(
            section,
            models.ContentPage,
            nested_form_data(
                {
                    "title": "Как выбрать колледж",
                    "slug": "kak-vybrat-kolledzh",
                    "summary": "Пять шагов.",
                    "easy_read_summary": "",
                    "tags": "колледж, выбор",
                    "body": streamfield(
                        [
                            ("heading", {"text": "Шаг первый", "level": "h2"}),
                            ("paragraph", rich_text("<p>Узнайте, какие профессии нужны в крае.</p>")),
                            (
                                "faq",
                                {
                                    "heading": "Вопросы",
                                    "items": list_block(
                                        [
                                            {
                                                "question": "Сколько стоит обучение?",
                                                "answer": rich_text("<p>Бюджетные места есть.</p>"),
                                            },
                                        ]
                                    ),
                                },
                            ),
                        ]
                    ),
                }
            ),
        )
        news_index = NewsIndexPageFactory(parent=self.home)
        self.assertCanCreate(
            news_index,
            models.NewsPage,
            nested_form_data(
                {
                    "title": "Открыт приём заявок",
                    "slug": "otkryt-priem",
                    "date": "2024-03-01",
                    "summary": "Коротко.",
                    "easy_read_summary": "",
                    "tags": "",
                    "body": streamfield([]),
                }
            ),
        )
        events = EventIndexPageFactory(parent=self.home)
        self.assertCanCreate(
            events,
            models.EventPage,
            nested_form_data(
                {
                    "title": "Ярмарка профессий",
                    "slug": "yarmarka",
                    "summary": "",
                    "easy_read_summary": "",
                    "start_date": "2024-04-10",
                    "end_date": "2024-04-11",
                    "period_text": "апрель",
                    "months": "",
                    "responsible": "ХК ИРО",
                    "venue": "Хабаровск",
                    "online_url": "",
                    "tags": "",
                    "body": streamfield([]),
                    "audiences": [Audience.objects.get(slug="students").pk],
                }
            ),
        )
        self.assertCanCreate(
            section,
            models.LinkPage,
            nested_form_data(
                {
                    "title": "Министерство",
                    "slug": "ministerstvo",
                    "link_url": "https://example.org/",
                }
            ),
        )
        self.assertCanCreate(
            section,
            models.CollectionPage,
            nested_form_data(
                {
                    "title": "Мероприятия для школьников",
                    "slug": "dlya-shkolnikov",
                    "intro": "",
                    "tag": "",
                    "page_type": ContentType.objects.get_for_model(models.EventPage).pk,
                    "audience": Audience.objects.get(slug="students").pk,
                    "per_page": 20,
                    "summary": "",
                }
            ),
        )
        content = models.ContentPage.objects.get(slug="kak-vybrat-kolledzh")
        self.assertEqual(sorted(t.name for t in content.tags.all()), ["выбор", "колледж"])

    def test_page_without_title_is_refused_with_a_message(self):
        response = self.client.post(
            f"/admin/pages/add/home/contentpage/{self.home.pk}/",
            nested_form_data(
                {
                    "title": "",
                    "slug": "bez-nazvaniya",
                    "summary": "",
                    "easy_read_summary": "",
                    "tags": "",
                    "body": streamfield([]),
                }
            ),
        )
        self.assertEqual(response.status_code, 200)
        self.assertFalse(models.ContentPage.objects.filter(slug="bez-nazvaniya").exists())
        self.assertEqual(response.context["form"].errors["title"], ["Требуется заполнить это поле."])

    def test_event_ending_before_it_starts_is_refused(self):
        events = EventIndexPageFactory(parent=self.home)
        response = self.client.post(
            f"/admin/pages/add/home/eventpage/{events.pk}/",
            nested_form_data(
                {
                    "title": "Неверные даты",
                    "slug": "nevernye",
                    "summary": "",
                    "easy_read_summary": "",
                    "start_date": "2024-05-10",
                    "end_date": "2024-05-01",
                    "period_text": "",
                    "months": "",
                    "responsible": "",
                    "venue": "",
                    "online_url": "",
                    "tags": "",
                    "body": streamfield([]),
                }
            ),
        )
        self.assertFalse(models.EventPage.objects.filter(slug="nevernye").exists())
        self.assertEqual(
            response.context["form"].errors["end_date"], ["Мероприятие не может закончиться раньше, чем начнётся."]
        )

    def test_link_page_needs_exactly_one_target(self):
        response = self.client.post(
            f"/admin/pages/add/home/linkpage/{self.home.pk}/",
            nested_form_data({"title": "Пустая ссылка", "slug": "pustaya", "link_url": ""}),
        )
        self.assertFalse(models.LinkPage.objects.filter(slug="pustaya").exists())
        self.assertEqual(
            response.context["form"].errors["link_url"], ["Выберите страницу или введите адрес (что-то одно)."]
        )


@pytest.mark.django_db
class TestVisitorSeesEachPageType:
    def _get(self, client, url, lang="ru"):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert f'<html lang="{lang}">' in html
        return html

    def test_each_type_renders_with_its_title_and_description(self, client, site_tree):
        home, _ = site_tree
        section = SectionPageFactory(parent=home, title="Раздел для проверки", summary="Что есть в разделе.")
        content = ContentPageFactory(parent=section, title="Документ о профессиях")
        news_index = NewsIndexPageFactory(parent=home)
        news = NewsPageFactory(parent=news_index, title="Новость о конкурсе")
        events = EventIndexPageFactory(parent=home)
        event = EventPageFactory(parent=events, title="День открытых дверей")
        for page in (home, section, content, news_index, news, events, event):
            html = self._get(client, page.url)
            title = re.search(r"<title>(.*?)</title>", html, re.DOTALL).group(1)
            assert title.startswith(page.title), title
            assert "Учись и работай в Хабаровском крае" in title
            assert re.search(r'<meta name="description" content="[^"]{10,}">', html), page
            assert html.count("<h1") == 1, page
        section_html = self._get(client, section.url)
        assert "Документ о профессиях" in section_html  # the folder lists its children
        event_html = self._get(client, event.url)
        assert "ХК ИРО" in event_html and "ежегодно, апрель" in event_html

    def test_link_page_redirects_to_its_target(self, client, site_tree):
        home, _ = site_tree
        link = models.LinkPage(title="Внешний сайт", slug="vneshnii", link_url="https://example.org/x")
        home.add_child(instance=link)
        link.save_revision().publish()
        response = client.get(link.url)
        assert response.status_code == 302 and response["Location"] == "https://example.org/x"

    def test_collection_lists_pages_matching_its_saved_filter(self, client, site_tree):
        home, _ = site_tree
        events = EventIndexPageFactory(parent=home)
        teachers = Audience.objects.get(slug="teachers")
        for_teachers = EventPageFactory(parent=events, title="Семинар для педагогов")
        for_teachers.audiences.set([teachers])
        for_teachers.save_revision().publish()
        EventPageFactory(parent=events, title="Квест для школьников")
        collection = models.CollectionPage(
            title="Педагогам",
            slug="pedagogam",
            audience=teachers,
            page_type=ContentType.objects.get_for_model(models.EventPage),
        )
        home.add_child(instance=collection)
        collection.save_revision().publish()
        html = self._get(client, collection.url)
        assert "Семинар для педагогов" in html
        assert "Квест для школьников" not in html
