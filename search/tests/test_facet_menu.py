"""The one facet menu of the faceted lists: its order, its links and the chosen value with nothing left."""

from django.http import QueryDict

from search.facet_menu import Label, menu

LABELS = {"district": {"sever": Label("Северный район"), "yug": Label("Южный район"), "zapad": Label("Западный")}}
TITLES = {"district": "Район", "year": "Год"}


def build(query, counts, chosen):
    return {
        group["name"]: group
        for group in menu(
            QueryDict(query), ("district", "year"), titles=TITLES, labels=LABELS, counts=counts, chosen=chosen
        )
    }


def test_values_follow_their_labels_and_years_come_newest_first():
    groups = build("q=сварщик", {"district": {"yug": 2, "sever": 1}, "year": {"2023": 1, "2025": 4}}, {})
    assert [(str(i["label"]), i["count"]) for i in groups["district"]["items"]] == [
        ("Северный район", 1),
        ("Южный район", 2),
    ]  # «Западный» has no result: left out
    assert [i["value"] for i in groups["year"]["items"]] == ["2025", "2023"]
    assert groups["district"]["title"] == "Район"


def test_a_link_keeps_the_query_sets_its_value_and_starts_from_the_first_page():
    groups = build("q=сварщик&page=3&year=2025", {"district": {"sever": 1}, "year": {"2025": 1}}, {"year": "2025"})
    link = QueryDict(groups["district"]["items"][0]["url"][1:])
    assert (link["q"], link["district"], link["year"], "page" in link) == ("сварщик", "sever", "2025", False)


def test_the_chosen_value_drops_itself_and_stays_listed_with_nothing_left():
    groups = build("district=zapad&year=2025", {"district": {"sever": 1}, "year": {}}, {"district": "zapad"})
    zapad = groups["district"]["items"][-1]
    assert (zapad["value"], zapad["count"], zapad["chosen"]) == ("zapad", 0, True)
    assert QueryDict(zapad["url"][1:]).dict() == {"year": "2025"}
    assert "year" not in groups  # no count and nothing chosen: no group
