"""Wagtail's revision comparison made readable for the portal's own StreamField blocks.

Wagtail compares a struct block child by child, but falls back to each child's rendered HTML stripped of tags: an
image chooser renders an <img> (no text at all), an embed fetches the video host's player (an <iframe>, no text, and
a request to the host on every comparison), a check box renders «True». The portal's struct blocks (images and
videos: portal.blocks) give their comparison class here, which shows such children as the text an editor recognises:
the image's title, the video's address, «yes»/«no», the page's or document's title."""

from django.utils.html import escape, format_html, format_html_join
from django.utils.translation import gettext as _
from wagtail import blocks
from wagtail.admin.compare import BlockComparison, StructBlockComparison, diff_text, get_comparison_class_for_block
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

AS_TEXT = (ImageChooserBlock, EmbedBlock, blocks.BooleanBlock, blocks.PageChooserBlock, DocumentChooserBlock)


def readable(block, value):
    """``value`` of the child ``block`` as plain text."""
    if value is None or value == "":
        return ""
    if isinstance(block, blocks.BooleanBlock):
        return _("yes") if value else _("no")
    if isinstance(block, EmbedBlock):
        return getattr(value, "url", "") or ""
    if isinstance(block, (ImageChooserBlock, blocks.PageChooserBlock, DocumentChooserBlock)):
        return getattr(value, "title", "") or str(value)
    return str(value)


class TextComparison(BlockComparison):
    def htmlvalue(self, val):
        return escape(readable(self.block, val))

    def htmldiff(self):
        return diff_text(readable(self.block, self.val_a), readable(self.block, self.val_b)).to_html()


def child_comparison(block):
    return TextComparison if isinstance(block, AS_TEXT) else get_comparison_class_for_block(block)


class ReadableStructComparison(StructBlockComparison):
    """Wagtail's StructBlockComparison, with the children above compared as text."""

    def htmlvalue(self, val):
        values = [
            (child.label, child_comparison(child)(child, True, True, val[name], val[name]).htmlvalue(val[name]))
            for name, child in self.block.child_blocks.items()
        ]
        return format_html("<dl>\n{}\n</dl>", format_html_join("\n", "    <dt>{}</dt>\n    <dd>{}</dd>", values))

    def htmldiff(self):
        diffs = [
            (
                child.label,
                child_comparison(child)(
                    child, self.exists_a, self.exists_b, self.val_a[name], self.val_b[name]
                ).htmldiff(),
            )
            for name, child in self.block.child_blocks.items()
        ]
        return format_html("<dl>\n{}\n</dl>", format_html_join("\n", "    <dt>{}</dt>\n    <dd>{}</dd>", diffs))
