"""The browsable atlas: filters alone and combined, shareable URLs, bad input, detail pages."""

import pytest

from atlas.factories import ProfessionPageFactory


def titles(response):
    assert response.status_code == 200
    return sorted(page.title for page in response.context["professions"])


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Инженер-конструктор", "Медицинская сестра", "Сварщик"]),
        ("?sector=aviastroenie", ["Инженер-конструктор", "Сварщик"]),
        ("?level=vo", ["Инженер-конструктор"]),
        ("?district=amurskii-munitsipalnyi-raion", ["Сварщик"]),
        ("?klimov=human", ["Медицинская сестра"]),
        ("?salary_from=70000", ["Сварщик"]),
        ("?salary_from=50000", ["Медицинская сестра", "Сварщик"]),
        ("?demand=medium", ["Инженер-конструктор"]),
        ("?disability=hearing", ["Сварщик"]),
        ("?future=on", ["Инженер-конструктор"]),
        ("?q=сест", ["Медицинская сестра"]),
        ("?sector=aviastroenie&level=spo&district=amurskii-munitsipalnyi-raion", ["Сварщик"]),
        ("?sector=aviastroenie&demand=high&salary_from=1000&disability=hearing", ["Сварщик"]),
        ("?sector=zdravookhranenie&level=vo", []),
    ],
)
def test_filters_alone_and_combined(client, catalogue, atlas, query, expected):
    assert titles(client.get(atlas.url + query)) == expected


def test_result_count_and_shareable_state(client, catalogue, atlas):
    html = client.get(atlas.url + "?sector=aviastroenie&level=vo").content.decode()
    assert "1 профессия" in html
    assert '<option value="aviastroenie" selected>' in html  # the form shows the state the URL holds
    assert '<option value="vo" selected>' in html


def test_sorting(client, catalogue, atlas):
    response = client.get(atlas.url + "?sort=salary")
    assert [p.title for p in response.context["professions"]] == [
        "Сварщик",
        "Медицинская сестра",
        "Инженер-конструктор",
    ]
    response = client.get(atlas.url + "?sort=demand")
    assert [p.title for p in response.context["professions"]][-1] == "Инженер-конструктор"


@pytest.mark.parametrize(
    "query",
    [
        "?sector=net-takoi",
        "?level=phd",
        "?salary_from=-5",
        "?salary_from=99999999999",
        "?salary_from=много",
        "?disability=xx",
        "?sort=evil",
        "?klimov=%00",
        "?district=" + "x" * 3000,
    ],
)
def test_bad_filter_values_give_a_message_and_the_unfiltered_list(client, catalogue, atlas, query):
    response = client.get(atlas.url + query)
    assert titles(response) == ["Инженер-конструктор", "Медицинская сестра", "Сварщик"]
    html = response.content.decode()
    assert "Некоторые фильтры не применены" in html and 'role="alert"' in html


def test_page_past_the_end_shows_the_last_page(client, atlas):
    for _ in range(30):
        ProfessionPageFactory(parent=atlas)
    response = client.get(atlas.url + "?page=999")
    assert response.status_code == 200 and response.context["professions"].number == 2


def test_markup_in_fields_is_escaped(client, atlas):
    ProfessionPageFactory(
        parent=atlas, title='<script>alert("x")</script>Хакер', summary="<img src=x onerror=alert(1)>"
    )
    html = client.get(atlas.url + "?q=<script>").content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert" in html


def test_detail_pages_list_linked_professions(client, catalogue, atlas):
    for url, expected in [
        (atlas.url + "otrasli/aviastroenie/", ["Инженер-конструктор", "Сварщик"]),
        (atlas.url + "rabotodateli/knaaz/", ["Сварщик"]),
        (atlas.url + "uchebnye-zavedeniia/aviatsionno-tekhnicheskii-kolledzh/", ["Сварщик"]),
        (atlas.url + "raiony/gorodskoi-okrug-gorod-khabarovsk/", ["Инженер-конструктор", "Медицинская сестра"]),
    ]:
        response = client.get(url)
        assert titles(response) == expected, url
        assert response.content.decode().count("<h1") == 1
    assert client.get(atlas.url + "otrasli/net-takoi/").status_code == 404
    assert client.get(atlas.url + "raiony/%00/").status_code == 404


def test_filter_errors_are_tied_to_their_fields(client, catalogue, atlas):
    html = client.get(atlas.url + "?salary_from=-5&level=phd").content.decode()
    assert 'aria-invalid="true" aria-describedby="id_salary_from-error"' in html
    assert 'id="id_salary_from-error"' in html and 'id="id_level-error"' in html
    assert 'aria-describedby="id_sector-error"' not in html  # only the fields that have an error


def test_filter_errors_come_above_the_grid_and_the_filters_fold_unless_set_or_wrong(client, catalogue, atlas):
    plain = client.get(atlas.url).content.decode()
    assert '<details class="filters-disclosure">' in plain  # folded (on a phone; wider screens show it open)
    assert '<details class="filters-disclosure" open>' in client.get(atlas.url + "?level=spo").content.decode()
    wrong = client.get(atlas.url + "?salary_from=-5&level=phd").content.decode()
    assert '<details class="filters-disclosure" open>' in wrong
    errors, grid = wrong.index("filters__errors"), wrong.index('class="filters__grid"')
    assert errors < grid and "field__error" not in wrong[grid : wrong.index("</form>")]
    assert '<li id="id_salary_from-error"><a href="#id_salary_from">' in wrong  # the summary, linked both ways
