"""The student's whole path through the site: questionnaire (one question per screen and on one page), the
second step, results, comparison, route and its PDF; and every bad address on the way."""

import io
import re
from urllib.parse import parse_qs, urlparse

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pypdf import PdfReader

from atlas.factories import ProfessionPageFactory
from career import klimov
from career.models import DiagnosticTally, QuestionnaireQuestion
from portal.tests.helpers import queries_for

from .conftest import answers_for, send_second_step

BASE = "/konstruktor-karery/"


def html(response):
    return response.content.decode()


def main(response):
    """The page's own content, without the per-response CSRF tokens of its forms."""
    text = html(response)
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", text[text.index("<main") : text.index("</main>")])


def finish(client, answers, **about):
    """Submit the second step for a complete answer set; the address of the results."""
    data = {"version": "plain", "code": "", "answers": answers, "grade": 9, **about}
    response = send_second_step(client, data)
    assert response.status_code == 302, html(response)
    return response["Location"]


def test_the_start_page_explains_and_offers_both_layouts(client, career):
    page = html(client.get(BASE))
    assert "<h1>Конструктор карьеры</h1>" in page
    assert "По одному вопросу на экране" in page
    assert 'name="layout" value="page"' in page and 'name="version" value="easy"' in page


def test_one_question_per_screen_from_first_to_last(client, career):
    answers = answers_for("nature")
    location = BASE + "oprosnik/?version=plain&layout=steps&code="
    for number, answer in enumerate(answers, start=1):
        page = client.get(location)
        assert page.status_code == 200
        text = html(page)
        assert f"Вопрос {number} из 20" in text
        question = klimov.questions()[number - 1]
        assert question.a.plain in text and question.b.plain in text
        state = parse_qs(urlparse(location).query)
        step = {**{k: v[0] for k, v in state.items()}, "n": number, "go": "next", f"q{number}": answer}
        response = client.get(BASE + "oprosnik/", step)
        assert response.status_code == 302
        location = response["Location"]
    assert location.startswith(BASE + "o-sebe/")
    assert parse_qs(urlparse(location).query)["answers"] == [answers]


def test_a_step_without_a_choice_asks_for_one_and_keeps_the_answers(client, career):
    response = client.get(
        BASE + "oprosnik/", {"version": "easy", "layout": "steps", "answers": "ab" + "-" * 18, "n": 3, "go": "next"}
    )
    text = html(response)
    assert response.status_code == 200
    assert "Выберите одно из двух занятий." in text
    assert klimov.questions()[2].a.easy in text  # the easy-read version
    assert 'value="ab' in text


def test_the_one_page_form_lists_what_is_missing(client, career):
    data = {"version": "plain", "layout": "page", "go": "finish", **{f"q{n}": "a" for n in range(1, 18)}}
    response = client.get(BASE + "oprosnik/", data)
    text = html(response)
    assert response.status_code == 200
    assert "3 вопроса без ответа" in text
    assert 'href="#id_q18-group"' in text and 'href="#id_q20-group"' in text
    data.update(q18="b", q19="b", q20="b")
    response = client.get(BASE + "oprosnik/", data)
    assert response.status_code == 302
    assert parse_qs(urlparse(response["Location"]).query)["answers"] == ["a" * 17 + "bbb"]


def test_the_second_step_refuses_an_incomplete_questionnaire_with_a_way_back(client, career):
    response = client.get(BASE + "o-sebe/", {"version": "plain", "answers": "a" * 15 + "-" * 5})
    text = html(response)
    assert response.status_code == 400
    assert "5 вопросов пока без ответа" in text
    assert "n=16" in text  # back to the first unanswered question


@pytest.mark.parametrize(
    "query",
    [
        {"version": "plain", "layout": "steps", "answers": "xyz"},
        {"version": "plain", "layout": "steps", "answers": "a" * 500},
        {"version": "plain", "layout": "steps", "n": "банан"},
        {"version": "plain", "layout": "steps", "n": "99999999999999999999"},
        {"version": "plain", "layout": "steps", "n": "²"},
        {"version": "plain", "layout": "steps", "n": "١٢"},
        {"version": "фото", "layout": "steps"},
        {"version": "plain", "layout": "steps", "code": "НЕТ-ТАКОГО"},
    ],
)
def test_malformed_questionnaire_addresses_get_a_message_not_an_error(client, career, query):
    response = client.get(BASE + "oprosnik/", query)
    assert response.status_code in (200, 400)
    text = html(response)
    assert any(
        message in text
        for message in (
            "Ответы в этом адресе повреждены",
            "Вопрос 1 из 20",
            "Выберите корректный вариант",
            "не открывает занятие с классом",
        )
    ), text[:2000]


def test_results_show_the_profile_and_the_professions_with_reasons(client, career):
    results = finish(client, answers_for("technique"), district="amurskii", level="spo", subjects=["physics"])
    assert DiagnosticTally.objects.get().completed == 1
    text = html(client.get(results))
    assert 'role="img"' in text and 'id="profile-chart-title"' in text
    assert (
        "человек – техника" in text.lower() or "человек — техника" in text.lower() or "человек-техника" in text.lower()
    )
    first = text.index("Сварщик")
    assert first < text.index("Пилот") < text.index("Программист")
    assert "Востребована в вашем районе: Амурский район" in text
    assert "Ваш предмет: Физика" in text
    share = re.search(r'id="share-link"[^>]*value="([^"]+)"', text).group(1)
    assert share == settings.PUBLIC_BASE_URL + results
    assert main(client.get(results)) == main(client.get(share))  # the link rebuilds the same page


@pytest.mark.parametrize("change", ["append", "truncate", "flip", "empty", "garbage"])
def test_a_tampered_or_truncated_result_link_is_refused_with_a_way_forward(client, career, change):
    token = parse_qs(urlparse(finish(client, answers_for("art"))).query)["t"][0]
    broken = {
        "append": token + "x",
        "truncate": token[: len(token) // 2],
        "flip": token[:5] + ("A" if token[5] != "A" else "B") + token[6:],
        "empty": "",
        "garbage": "<script>%00",
    }[change]
    for address in ("rezultat/", "sravnenie/", "marshrut/", "marshrut/pdf/"):
        response = client.get(BASE + address, {"t": broken, "p": "1"})
        assert response.status_code == 400, address
        assert "ссылка на результат повреждена" in html(response).lower()
        assert f'href="{BASE}"' in html(response)


def test_compare_up_to_five_then_build_the_route(client, career):
    results = finish(client, answers_for("technique"), district="amurskii", level="spo")
    token = parse_qs(urlparse(results).query)["t"][0]
    ids = [career[name].pk for name in ("welder", "pilot", "vet", "teacher", "programmer", "designer")]
    too_many = client.get(f"{BASE}sravnenie/", {"t": token, "p": ids})
    assert too_many.status_code == 400 and "не больше 5" in html(too_many)
    assert client.get(f"{BASE}sravnenie/", {"t": token, "p": ["один"]}).status_code == 400
    compare = client.get(f"{BASE}sravnenie/", {"t": token, "p": ids[:2]})
    text = html(compare)
    assert compare.status_code == 200
    assert "Сварщик" in text and "Пилот" in text and "3 г. 10 мес." in text and "Судостроительный колледж" in text
    route_token = re.search(r'name="t" value="([^"]+)"', text).group(1)

    built = client.post(f"{BASE}marshrut/", {"t": route_token, "profession": career["welder"].pk})
    assert built.status_code == 302
    assert DiagnosticTally.objects.get().routes == 1
    route = html(client.get(built["Location"]))
    assert "Мой маршрут: Сварщик" in route
    assert "Судостроительный колледж" in route and "Амурский судостроительный завод" in route
    assert "День открытых дверей" in route or "Дни открытых дверей" in route
    assert "ОГЭ" in route  # a college profession: the grade 9 exams

    # Choosing again from the route's own token changes the route but does not count a second one.
    route_token = parse_qs(urlparse(built["Location"]).query)["t"][0]
    again = client.post(f"{BASE}marshrut/", {"t": route_token, "profession": career["pilot"].pk})
    assert again.status_code == 302 and DiagnosticTally.objects.get().routes == 1
    assert "Мой маршрут: Пилот" in html(client.get(again["Location"]))


def test_the_route_pdf_is_tagged_and_holds_the_route(client, career):
    results = finish(client, answers_for("technique"))
    token = parse_qs(urlparse(results).query)["t"][0]
    built = client.post(f"{BASE}marshrut/", {"t": token, "profession": career["welder"].pk})
    response = client.get(built["Location"].replace("/marshrut/?", "/marshrut/pdf/?"))
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    text = " ".join(p.extract_text() for p in reader.pages)
    assert "Сварщик" in text and "Судостроительный колледж" in text


def test_a_route_to_a_profession_no_longer_in_the_atlas_says_so(client, career):
    results = finish(client, answers_for("technique"))
    token = parse_qs(urlparse(results).query)["t"][0]
    built = client.post(f"{BASE}marshrut/", {"t": token, "profession": career["designer"].pk})
    career["designer"].unpublish()
    response = client.get(built["Location"])
    assert response.status_code == 400 and "больше нет в атласе" in html(response)
    assert client.post(f"{BASE}marshrut/", {"t": token, "profession": "999999"}).status_code == 400
    assert client.get(f"{BASE}marshrut/").status_code == 400


def test_the_english_version_asks_in_english(client, career):
    from career.seed import Seeder

    Seeder(log=lambda *a: None).run()
    response = client.get("/en/career-builder/oprosnik/", {"version": "plain", "layout": "steps"})
    text = html(response)
    assert response.status_code == 200
    first = QuestionnaireQuestion.objects.get(number=1, locale__language_code="en")
    assert first.text_a in text and "Question 1 of 20" in text
    assert 'lang="ru"' not in text.split("<main", 1)[1].split("</main>", 1)[0]  # every option is translated


def test_the_results_page_reads_a_constant_number_of_queries(client, career):
    results = finish(client, answers_for("sign"), district="amurskii", subjects=["math"])
    token = parse_qs(urlparse(results).query)["t"][0]

    def for_a_category():
        with CaptureQueriesContext(connection) as queries:
            response = client.post(BASE + "rezultat/", {"t": token, "disability": "hearing"})
        assert "Пилот" not in main(response)
        return len(queries)

    before, before_for_a_category = queries_for(client, results), for_a_category()
    for n in range(25):
        ProfessionPageFactory(parent=career["atlas"], title=f"Профессия {n}", klimov_type="sign")
    assert (queries_for(client, results), for_a_category()) == (before, before_for_a_category)


def test_the_profile_chart_labels_are_page_text_that_can_wrap(client, career):
    """The labels are HTML text beside a stretched bar, not SVG text scaled down with the drawing (about 6 px on a
    phone) and cut at its edge; the browser test checks the sizes (tests/test_defects_in_browser.py)."""
    text = main(client.get(finish(client, answers_for("art"))))
    labels = re.findall(r'<span class="profile-chart__label">([^<]+)</span>', text)
    assert len(labels) == 5 and any("художественный образ" in label for label in labels)
    assert "<text" not in text and 'preserveAspectRatio="none"' in text
    assert 'role="img" aria-labelledby="profile-chart-title profile-chart-desc"' in text


def test_the_comparison_marks_a_demonstration_salary_once_and_always_says_how_long_study_takes(client, career):
    career["welder"].salary_min, career["welder"].salary_max = 50000, 90000  # no source: demonstration data
    career["welder"].save_revision().publish()
    token = parse_qs(urlparse(finish(client, answers_for("technique"))).query)["t"][0]
    ids = [career[name].pk for name in ("welder", "pilot", "vet")]
    text = main(client.get(f"{BASE}sravnenie/", {"t": token, "p": ids}))
    salary_cells = text.split("</tr>", 2)[1].split("<td>")[1:]  # the first row of the body: the salaries
    assert [cell.count("демонстрацион") for cell in salary_cells] == [1, 1, 1]  # the factories' salaries too
    row = next(row for row in text.split("<tr>") if "3 г. 10 мес." in row)
    cells = re.findall(r"<td>([^<]*)</td>", row)
    assert cells[0] == "3 г. 10 мес. (Сварочное производство)"
    assert cells[1].startswith("обычно 4 года в бакалавриате")  # the pilot: higher education, no stated term
    assert cells[2].startswith("обычно от 1 года 10 месяцев")  # the vet: a college profession, no stated term
    assert all(cells)


def test_the_route_links_the_colleges_and_employers_of_the_atlas(client, career):
    token = parse_qs(urlparse(finish(client, answers_for("technique"))).query)["t"][0]
    built = client.post(f"{BASE}marshrut/", {"t": token, "profession": career["welder"].pk})
    route = main(client.get(built["Location"]))
    atlas = career["atlas"].url
    assert f'<a href="{atlas}uchebnye-zavedeniia/{career["college"].slug}/">Судостроительный колледж</a>' in route
    assert f'<a href="{atlas}rabotodateli/{career["shipyard"].slug}/">Амурский судостроительный завод</a>' in route


def balanced_answers():
    """An answer set giving every type the same score: in each pair, the type with fewer points so far."""
    scores, answers = dict.fromkeys(klimov.TYPE_LABELS, 0), []
    for question in klimov.questions():
        choice = "a" if scores[question.a.type] <= scores[question.b.type] else "b"
        scores[question.a.type if choice == "a" else question.b.type] += 1
        answers.append(choice)
    return "".join(answers)


def test_equally_strong_interests_are_each_in_their_own_quotes(client, career):
    text = main(client.get(finish(client, balanced_answers())))
    lead = re.search(r'<p class="lead">(.*?)</p>', text, re.S).group(1)
    quoted = re.findall(r"«([^«»]+)»", lead)
    assert len(quoted) == len(set(quoted)) >= 2 and all("," not in name for name in quoted), lead
