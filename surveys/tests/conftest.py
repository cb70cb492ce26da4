import pytest

from surveys.models import SurveyPage, SurveyQuestion


@pytest.fixture
def survey(site_tree):
    """A live survey of four questions: one answer (radio), several (checkboxes), a scale, and free text."""
    home, _english = site_tree
    page = SurveyPage(title="Опрос о профессиях", slug="opros")
    page.questions = [
        SurveyQuestion(label="Кто вы?", field_type="radio", choices="Школьник\nСтудент\nДругое"),
        SurveyQuestion(
            label="Откуда узнаёте о профессиях?", field_type="checkboxes", choices="Школа\nРодители\nИнтернет"
        ),
        SurveyQuestion(label="Насколько вы знаете рынок труда?", field_type="scale"),
        SurveyQuestion(label="Чего не хватает?", field_type="multiline", required=False),
    ]
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def answer(**changed):
    return {
        "kto_vy": "Студент",
        "otkuda_uznaete_o_professiiakh": ["Школа", "Интернет"],
        "naskolko_vy_znaete_rynok_truda": "4",
        "chego_ne_khvataet": "Экскурсий на заводы.",
        **changed,
    }
