"""Safe editing of a card: two revisions compared as readable text (the StreamField lists and the video), and two
editors on the same card see each other through Wagtail's editing sessions (the ping the edit view's script sends)."""

import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from atlas.models import ProfessionPage
from home.roles import EDITORS, ensure_editorial_roles


def video(address, title):
    return {"type": "video", "value": {"video": address, "title": title, "has_captions": True, "transcript_url": ""}}


def test_the_revision_comparison_shows_list_items_and_the_video_as_text(client, editor, atlas_cards):
    card = ProfessionPage.objects.get(pk=atlas_cards["welder"].pk)
    card.also_called = [("item", "сварной")]
    card.media = [video("https://rutube.ru/video/aaa111/", "Один день сварщика")]
    first = card.save_revision(user=editor)
    card.also_called = [("item", "сварной"), ("item", "газосварщик")]
    card.duties = [("item", "Собирает узлы"), ("item", "Варит швы")]
    card.media = [video("https://rutube.ru/video/bbb222/", "Смена на верфи")]
    second = card.save_revision(user=editor)
    client.force_login(editor)
    response = client.get(f"/admin/pages/{card.pk}/revisions/compare/{first.pk}...{second.pk}/")
    assert response.status_code == 200
    text = response.text
    for shown in ("газосварщик", "Читает чертежи", "Варит швы", "aaa111", "bbb222", "Один день сварщика"):
        assert shown in text, shown
    assert '{"type":' not in text and "&quot;type&quot;" not in text and "{&#x27;" not in text
    # The video's check box reads as a word, not as Python's True.
    assert not re.search(r"<dd>\s*True\s*</dd>", text)


def test_the_second_editor_on_a_card_is_told_who_else_is_editing_it(client, atlas_cards):
    ensure_editorial_roles()
    first, second = (
        get_user_model().objects.create_user(name, f"{name}@example.ru", "Sessiya-2026-x", first_name=name.title())
        for name in ("redaktor-odin", "redaktor-dva")
    )
    for user in (first, second):
        user.groups.add(Group.objects.get(name=EDITORS))
    card = atlas_cards["welder"]

    def open_editor(user):
        client.force_login(user)
        page = client.get(f"/admin/pages/{card.pk}/edit/")
        assert page.status_code == 200
        return re.search(r'data-w-swap-src-value="([^"]+)"', page.text).group(1)

    first_ping, second_ping = open_editor(first), open_editor(second)
    client.force_login(first)
    assert client.post(first_ping, {"is_editing": "1"}).json()["other_sessions"][0]["user"] == "Redaktor-Dva"
    client.force_login(second)
    others = client.post(second_ping, {"is_editing": "1"}).json()["other_sessions"]
    assert [(other["user"], other["is_editing"]) for other in others] == [("Redaktor-Odin", True)]
