"""The methodological section of the demo site from media_seed/methodics/content.json: the ПрофиВОХ kits
(general, medical and pedagogical, adapted for young people with disabilities), the recommendations for
«Технология», the game module «Работай в Хабаровском крае», and best practices. Every lesson gets handouts
the project generates (PDF, or XLSX for tables); each kit gets notes for teachers in the private
collection. The texts are the portal's demonstration materials, and the pages say so. The index and the kits are
translated into English through wagtail-localize's records (media_seed/methodics/content.en.json), and so are the
lessons that have a file in media_seed/methodics/lessons.en/ (named by the Russian lesson's slug). Idempotent."""

import json
import re
from pathlib import Path

from django.conf import settings
from django.utils.html import strip_tags
from wagtail.models import CollectionViewRestriction, Locale, Site

from atlas.models import MunicipalDistrict, ProfessionPage
from methodics.handouts import handout_pdf, handout_xlsx
from methodics.models import (
    BestPracticeIndexPage,
    BestPracticePage,
    GameCard,
    KitAdaptation,
    KitMaterial,
    KitVersion,
    LessonMaterial,
    LessonPage,
    MethodicalKitPage,
    MethodicsIndexPage,
    PracticeMaterial,
)
from portal.groups import teachers_group
from portal.seeding import PageSeeder, collection, link_from_home
from portal.slugs import slug_for

CONTENT = Path(settings.BASE_DIR) / "media_seed" / "methodics" / "content.json"
ENGLISH = CONTENT.with_name("content.en.json")
# One file per lesson, named by the Russian lesson's slug: {"title", "summary", "goals": [...], "equipment": [...],
# "plan": [{"stage", "teacher", "students", "materials"}, ...], "assessment"}, in the order of content.json.
LESSONS_ENGLISH = CONTENT.with_name("lessons.en")
LESSON_STAGE_TEXTS = ("stage", "teacher", "students", "materials")
DEMO_NOTE = "Демонстрационные материалы портала"


def html_list(items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def pairs(russian, english):
    """Russian text → English text for two texts or parallel lists; nothing where either is missing."""
    if isinstance(russian, list):
        return dict(zip(russian, english or [], strict=False))
    return {russian: english} if russian and english else {}


def paragraphs(html):
    """The plain texts of the paragraphs of ``html``, as wagtail-localize extracts them."""
    return [strip_tags(paragraph) for paragraph in re.findall(r"<p>(.*?)</p>", html, flags=re.DOTALL)]


def private_collection():
    """«Материалы для педагогов»: only members of the «Педагоги» group (and editors) may download."""
    teachers = teachers_group()
    private = collection("Материалы для педагогов")
    restriction = CollectionViewRestriction.objects.filter(collection=private).first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(
            collection=private, restriction_type=CollectionViewRestriction.GROUPS
        )
    restriction.groups.add(teachers)
    return private


class Seeder(PageSeeder):
    def run(self):
        content = json.loads(CONTENT.read_text(encoding="utf-8"))
        self.public = collection("Методические материалы")
        self.private = private_collection()
        self.professions = {
            p.title: p for p in ProfessionPage.objects.live().filter(locale__language_code="ru").only("pk", "title")
        }
        home = Site.objects.get(is_default_site=True).root_page
        index = self.upsert(
            home,
            MethodicsIndexPage,
            "metodiki",
            title="Методическая копилка",
            show_in_menus=True,
            summary="Методический комплекс «ПрофиВОХ» и его редакции, игровой модуль «Работай в Хабаровском крае», "
            "занятия по «Технологии» и лучшие практики профориентации — с планами занятий и раздаточными материалами.",
            easy_read_summary="Здесь материалы для учителей.\nМожно найти занятие для своего класса и скачать его.",
            introduction="<p>Подберите занятие по классу, профилю, формату и продолжительности, скачайте план в PDF "
            "и раздаточные материалы или весь комплект одним архивом. Материалы с пометкой «для педагогов» "
            "доступны после входа на портал.</p><p><em>Тексты занятий — демонстрационные: их подготовила "
            "редакция портала по описанию комплексов в региональной программе. Авторские материалы "
            "ХК ИРО заменят их по мере публикации.</em></p>",
        )
        kits = {}
        for kit in content["kits"]:
            kits[kit["slug"]] = self.kit(index, kit, kits)
        self.practices(index, content["practices"])
        self.english(index, content["kits"], kits)
        link_from_home("teachers", index, {"ru": "Занятия по профориентации и комплекты", "en": "Teaching resources"})
        return self.created

    def english(self, index, data, kits):
        """The index, the kits and the lessons that have an English file, through wagtail-localize's translation
        records. The kits' inline rows (versions, adaptations, materials, game cards) are translatable models, their
        texts segments of the kit's translation source; the game cards lead to the English atlas cards and an
        adapted edition to the English kit it adapts (both are translated links, so the kits go in the order of the
        data, a kit after the one it adapts). Skipped when the site has no English home."""
        english = Locale.objects.filter(language_code="en").first()
        if english is None or not index.get_parent().has_translation(english):
            return
        texts = json.loads(ENGLISH.read_text(encoding="utf-8"))
        about = texts["index"]
        self.translate_localized(
            index,
            english,
            {
                index.title: about["title"],
                index.slug: about["slug"],
                **pairs(index.summary, about["summary"]),
                **pairs(index.easy_read_summary, about["easy_read_summary"]),
                **pairs(paragraphs(index.introduction), about["introduction"]),
            },
        )
        for kit in data:
            translated = texts["kits"].get(kit["slug"])
            if translated:
                self.translate_localized(kits[kit["slug"]], english, self.kit_texts(kit, translated, texts))
            self.english_lessons(kits[kit["slug"]], kit["lessons"], english)

    def english_lessons(self, kit, lessons, locale):
        """The lessons of ``kit`` (their data in content.json) that have an English file, translated under the
        kit's translation into ``locale``; a lesson without a file stays untranslated. Handouts stay Russian."""
        if not kit.has_translation(locale):
            return
        pages = {page.slug: page for page in LessonPage.objects.child_of(kit)}
        for lesson in lessons:
            path = LESSONS_ENGLISH / f"{lesson['slug']}.json"
            page = pages.get(lesson["slug"])
            if page is None or not path.exists():
                continue
            english = json.loads(path.read_text(encoding="utf-8"))
            translated = self.translate_localized(page, locale, self.lesson_texts(lesson, english))
            if translated is not None:
                self.english_professions(page, translated.specific)

    @staticmethod
    def english_professions(original, page):
        """The English lesson's atlas professions: the English cards of the original's (wagtail-localize leaves
        many-to-many links out of translations), the Russian card where the atlas has no English one."""
        page.professions = [
            profession.get_translation_or_none(page.locale) or profession for profession in original.professions.all()
        ]
        page.save_revision().publish()

    @staticmethod
    def lesson_texts(lesson, english):
        """Russian → English for every string of a lesson's page (goals and equipment are one text each, a line
        per item)."""
        result = {
            lesson["slug"]: slug_for(english["title"]),
            **pairs(lesson["title"], english["title"]),
            **pairs(lesson["summary"], english["summary"]),
            **pairs("\n".join(lesson["goals"]), "\n".join(english["goals"])),
            **pairs("\n".join(lesson["equipment"]), "\n".join(english["equipment"])),
            **pairs(lesson["assessment"], english["assessment"]),
        }
        for stage, stage_english in zip(lesson["plan"], english["plan"], strict=False):
            for key in LESSON_STAGE_TEXTS:
                result.update(pairs(stage[key], stage_english.get(key)))
        return result

    @staticmethod
    def kit_texts(kit, english, texts):
        """Russian → English for every string of a kit's page, its inline rows' included."""
        result = {
            kit["slug"]: slug_for(english["title"]),
            **texts["materials"],
            **pairs(kit["title"], english["title"]),
            **pairs(kit["summary"], english["summary"]),
            **pairs(kit["easy_read_summary"], english["easy_read_summary"]),
            **pairs(kit["purpose"], english["purpose"]),
            **pairs(kit["expected_results"], english["expected_results"]),
            **pairs(kit["authors"], english["authors"]),
            **pairs([version["changes"] for version in kit["changelog"]], english["changes"]),
        }
        notes = english.get("adaptations", {})
        for adaptation in kit.get("adaptations") or []:
            result.update(pairs(adaptation["note"], notes.get(adaptation["category"])))
        game, game_english = kit.get("game"), english.get("game")
        if game and game_english:
            result.update(pairs(game["rules"], game_english["rules"]))
            for role, role_english in zip(game["roles"], game_english["roles"], strict=True):
                result.update({role["name"]: role_english["name"], role["description"]: role_english["description"]})
            for profession, task in game["card_tasks"].items():
                result.update(pairs(task, game_english["card_tasks"].get(profession)))
        return result

    def document(self, title, make, extension, *, private=False):
        """The document ``title`` of the public collection, or of the teachers' private one."""
        return self.generated_document(title, self.private if private else self.public, make, extension)

    def handout(self, handout, subtitle):
        if handout["kind"] == "table":
            return self.document(handout["title"], lambda: handout_xlsx(handout, subtitle=subtitle), "xlsx")
        return self.document(handout["title"], lambda: handout_pdf(handout, subtitle=subtitle), "pdf")

    def linked(self, titles):
        return [self.professions[t] for t in titles if t in self.professions]

    def kit(self, index, data, kits):
        notes = self.teacher_notes(data)
        fields = {
            "title": data["title"],
            "kind": data["kind"],
            "profile": data["profile"],
            "summary": data["summary"],
            "easy_read_summary": data["easy_read_summary"],
            "purpose": f"<p>{data['purpose']}</p>",
            "expected_results": html_list(data["expected_results"]),
            "authors": data["authors"],
            "year": data["year"],
            "adapted_edition_of": kits.get(data.get("adapted_edition_of")),
            "versions": [KitVersion(**version) for version in data["changelog"]],
            "adaptations": [KitAdaptation(**item) for item in data.get("adaptations") or []],
            "materials": [KitMaterial(document=notes, kind="teacher_notes", description="Цели и критерии оценки")],
        }
        game = data.get("game")
        if game:
            fields["game_rules"] = "<ol>" + "".join(f"<li>{rule}</li>" for rule in game["rules"]) + "</ol>"
            fields["game_roles"] = json.dumps(
                [{"type": "role", "value": role} for role in game["roles"]], ensure_ascii=False
            )
            fields["game_cards"] = [
                GameCard(profession=self.professions[title], task=game["card_tasks"].get(title, ""))
                for title in game["professions"]
                if title in self.professions
            ]
        page = self.upsert(index, MethodicalKitPage, data["slug"], **fields)
        for lesson in data["lessons"]:
            self.lesson(page, lesson)
        return page

    def teacher_notes(self, kit):
        """For the private collection: each lesson's goals and how to assess it, one memo per kit."""
        items = [
            f"{lesson['title']}: {'; '.join(lesson['goals'])}. Оценка: {lesson['assessment']}"
            for lesson in kit["lessons"]
        ]
        notes = {
            "title": f"Для педагога: цели и оценка занятий — {kit['title']}",
            "kind": "memo",
            "intro": "Материал для учителя и педагога-психолога; не раздаётся обучающимся.",
            "items": items,
        }
        return self.document(notes["title"], lambda: handout_pdf(notes, subtitle=DEMO_NOTE), "pdf", private=True)

    def lesson(self, kit, data):
        materials = [
            LessonMaterial(document=self.handout(h, f"{kit.title}. {DEMO_NOTE}"), kind=h["kind"])
            for h in data["handouts"]
        ]
        self.upsert(
            kit,
            LessonPage,
            data["slug"],
            title=data["title"],
            summary=data["summary"],
            grade_min=data["grade_min"],
            grade_max=data["grade_max"],
            format=data["format"],
            profile=data.get("profile", ""),
            duration_minutes=data["duration_minutes"],
            goals="\n".join(data["goals"]),
            equipment="\n".join(data["equipment"]),
            plan=json.dumps([{"type": "stage", "value": stage} for stage in data["plan"]], ensure_ascii=False),
            assessment=f"<p>{data['assessment']}</p>",
            professions=self.linked(data["professions"]),
            materials=materials,
        )

    def practices(self, index, data):
        meta = data["collection"]
        collection_page = self.upsert(
            index,
            BestPracticeIndexPage,
            meta["slug"],
            title=meta["title"],
            summary=meta["summary"],
            introduction=f"<p>{meta['introduction']}</p>",
        )
        districts = {d.name: d for d in MunicipalDistrict.objects.filter(locale__language_code="ru")}
        for item in data["items"]:
            self.upsert(
                collection_page,
                BestPracticePage,
                item["slug"],
                title=item["title"],
                summary=item["summary"],
                organisation=item["organisation"],
                district=districts.get(item["district"]),
                year=item["year"],
                competition=item["competition"],
                audience=item["audience"],
                body=json.dumps(
                    [{"type": "paragraph", "value": f"<p>{text}</p>"} for text in item["description"]],
                    ensure_ascii=False,
                ),
                results=html_list(item["results"]),
                professions=self.linked(item["professions"]),
                materials=[
                    PracticeMaterial(document=self.handout(h, f"{item['organisation']}. {DEMO_NOTE}"), kind=h["kind"])
                    for h in item["handouts"]
                ],
            )
