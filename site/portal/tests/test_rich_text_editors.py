"""The rich-text editors are named once, in settings.WAGTAILADMIN_RICH_TEXT_EDITORS: what each offers, that what it
offers is also all a field keeps when an editor saves, and that no field or block lists features of its own."""

import json

from django.apps import apps
from django.conf import settings
from wagtail import blocks
from wagtail.admin.rich_text import get_rich_text_editor_widget
from wagtail.fields import RichTextField, StreamField

from portal.blocks import BodyBlock, CalloutBlock, FaqBlock

HEADINGS = {"h2", "h3", "h4"}


def offered(widget):
    return set(widget.features)


def saved(editor, blocks_typed):
    """What a field with ``editor`` stores when an editor types ``blocks_typed`` (Draftail block type, text) in it."""
    contentstate = {
        "blocks": [
            {"key": str(n), "type": kind, "text": text, "depth": 0, "inlineStyleRanges": [], "entityRanges": []}
            for n, (kind, text) in enumerate(blocks_typed)
        ],
        "entityMap": {},
    }
    return get_rich_text_editor_widget(editor).converter.to_database_format(json.dumps(contentstate))


def test_only_the_body_editor_offers_headings():
    assert offered(get_rich_text_editor_widget("body")) >= HEADINGS | {"document-link", "hr"}
    assert not offered(get_rich_text_editor_widget("basic")) & HEADINGS
    assert offered(get_rich_text_editor_widget("basic")) >= {"bold", "italic", "link", "ol", "ul"}
    assert offered(get_rich_text_editor_widget("inline")) == {"bold", "italic", "link"}


def test_a_heading_or_a_list_an_editor_does_not_offer_is_not_saved():
    typed = [("header-two", "Where to study"), ("unordered-list-item", "A college")]
    assert "<h2" in saved("body", typed) and "<ul>" in saved("body", typed)
    assert "<h2" not in saved("basic", typed) and "<ul>" in saved("basic", typed)
    assert "<h2" not in saved("inline", typed) and "<ul>" not in saved("inline", typed)


def test_the_body_text_offers_headings_and_the_short_texts_inside_it_do_not():
    assert offered(BodyBlock().child_blocks["paragraph"].field.widget) >= HEADINGS
    assert not offered(CalloutBlock().child_blocks["text"].field.widget) & HEADINGS
    answer = FaqBlock().child_blocks["items"].child_block.child_blocks["answer"]
    assert not offered(answer.field.widget) & HEADINGS


def test_a_section_introduction_offers_lists_but_no_headings_and_contacts_only_links():
    page_type = apps.get_model("navigator", "EqualOpportunitiesPage")
    introduction = page_type._meta.get_field("introduction").formfield().widget
    assert "ul" in offered(introduction) and not offered(introduction) & HEADINGS
    assert offered(page_type._meta.get_field("contacts").formfield().widget) == {"bold", "italic", "link"}


def rich_text_blocks(block):
    if isinstance(block, blocks.RichTextBlock):
        yield block
    for child in getattr(block, "child_blocks", {}).values():
        yield from rich_text_blocks(child)
    if isinstance(block, blocks.ListBlock):
        yield from rich_text_blocks(block.child_block)


def test_every_rich_text_field_and_block_names_its_editor_instead_of_listing_features():
    named = {"default", *settings.WAGTAILADMIN_RICH_TEXT_EDITORS}
    checked = []
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, RichTextField):
                checked.append((f"{model._meta.label}.{field.name}", field.editor, field.features))
            elif isinstance(field, StreamField):
                for block in rich_text_blocks(field.stream_block):
                    checked.append((f"{model._meta.label}.{field.name}: {block.name}", block.editor, block.features))
    assert len(checked) > 20  # the walk reaches the fields and the blocks nested in stream fields
    assert [where for where, editor, features in checked if editor not in named or features is not None] == []
