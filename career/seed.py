"""The «Конструктор карьеры» page of the demo site, in Russian and English. Idempotent like the other seeds."""

from wagtail.models import Locale, Site

from career.calendar import ensure_step_translations
from career.items import ensure_translations
from career.models import CareerBuilderPage, MonthlyStep, QuestionnaireQuestion
from portal.seeding import PageSeeder, link_from_home


class Seeder(PageSeeder):
    def run(self):
        home = Site.objects.get(is_default_site=True).root_page
        page = self.upsert(
            home,
            CareerBuilderPage,
            "konstruktor-karery",
            title="Конструктор карьеры",
            show_in_menus=True,
            summary="Узнайте, какая работа вам интересна, и постройте свой маршрут: профильный класс и экзамены, "
            "колледжи и вузы края, работодатели. Без регистрации, за пятнадцать минут.",
            easy_read_summary="Ответьте на 20 вопросов.\nСайт покажет, какие профессии вам подходят.\n"
            "Потом вы увидите, где учиться и работать.\nВаше имя не нужно.",
            introduction="<p>Опросник построен по методике Е. А. Климова: пять типов профессий — «человек — природа», "
            "«человек — техника», «человек — человек», «человек — знаковая система» и «человек — художественный "
            "образ». Формулировки вопросов — собственные, проекта. По ответам портал подберёт профессии из атласа "
            "востребованных профессий края и поможет составить индивидуальный маршрут.</p>",
            for_teachers="<p>Проведите опросник на классном часе или уроке «Россия — мои горизонты»: создайте код, "
            "раздайте его ученикам и после урока обсудите с классом общую картину. Результат для ученика — "
            "повод для разговора, а не приговор: профориентационное решение принимается вместе с родителями и "
            "педагогом-психологом.</p>",
        )
        english = Locale.objects.filter(language_code="en").first()
        home_en = home.get_translation_or_none(english) if english else None
        if home_en is not None:
            self.translate(
                page,
                english,
                title="Career builder",
                slug="career-builder",
                summary="Find out what work interests you and build your route: the profile class and exams, the "
                "krai’s colleges and universities, employers. No registration, fifteen minutes.",
                easy_read_summary="",
                introduction="<p>The questionnaire follows E. A. Klimov’s method: five types of professions — "
                "person–nature, person–technology, person–person, person–sign system and person–artistic image. "
                "The questions are the project’s own wording. The portal then suggests professions from the "
                "krai’s atlas of in-demand professions and helps you draw up an individual route.</p>",
                for_teachers="<p>Run the questionnaire in a class: create a code, give it to the students and talk "
                "the class picture over after the lesson.</p>",
            )
            # The questions themselves come with a migration, in Russian; their English wording with the seed.
            russian = QuestionnaireQuestion.objects.filter(locale=page.locale)
            self.created += ensure_translations(russian, english)
            self.created += ensure_step_translations(MonthlyStep.objects.filter(locale=page.locale), english)
        link_from_home("students", page, {"ru": "Конструктор карьеры", "en": "Career builder"})
        return self.created
