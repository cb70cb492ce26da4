"""StreamField blocks shared by every page type. Each block renders accessible HTML: images carry alt
text or are marked decorative, videos carry captions or a transcript, tables have a caption."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from .compare import ReadableStructComparison


class ReadableInComparison:
    """Compared as text in Wagtail's revision comparison: the image's title, the video's address (portal.compare)."""

    def get_comparison_class(self):
        return ReadableStructComparison


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("text"), max_length=255)
    level = blocks.ChoiceBlock(
        label=_("level"), choices=[("h2", _("Section")), ("h3", _("Subsection")), ("h4", _("Minor"))], default="h2"
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "portal/blocks/heading.html"


class ImageBlock(ReadableInComparison, blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alt text"),
        required=False,
        max_length=255,
        help_text=_(
            "What the image shows, for people who cannot see it. Leave empty to use the image's own description."
        ),
    )
    decorative = blocks.BooleanBlock(label=_("decorative"), required=False, help_text=_("Screen readers skip it."))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=255)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "portal/blocks/image.html"

    def clean(self, value):
        value = super().clean(value)
        image = value.get("image")
        has_alt = value.get("alt_text") or (image and not image.is_decorative and image.description)
        if not value.get("decorative") and not has_alt:
            raise blocks.StructBlockValidationError(
                block_errors={"alt_text": ValidationError(_("Write alt text, or mark the image as decorative."))}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        image = value["image"]
        context["alt"] = "" if value.get("decorative") else (value.get("alt_text") or (image.alt if image else ""))
        return context


class DocumentListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False)
    documents = blocks.ListBlock(DocumentChooserBlock(label=_("document")), label=_("documents"))

    class Meta:
        icon = "doc-full"
        label = _("Documents to download")
        template = "portal/blocks/document_list.html"


class PortalTableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(
        label=_("caption"), help_text=_("Says what the table is about; read first by screen readers.")
    )
    table = TableBlock(label=_("table"))

    class Meta:
        icon = "table"
        label = _("Table")
        template = "portal/blocks/table.html"


class VideoBlock(ReadableInComparison, blocks.StructBlock):
    video = EmbedBlock(label=_("video address"))
    title = blocks.CharBlock(label=_("title"))
    has_captions = blocks.BooleanBlock(label=_("the video has captions"), required=False)
    transcript = blocks.PageChooserBlock(label=_("transcript page"), required=False)
    transcript_url = blocks.URLBlock(label=_("transcript address"), required=False)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "portal/blocks/video.html"

    def clean(self, value):
        # Checked before the embed itself, which needs the video host to answer.
        if not (value.get("has_captions") or value.get("transcript") or value.get("transcript_url")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "transcript_url": ValidationError(
                        _("Deaf and hard-of-hearing visitors need captions or a transcript: add one.")
                    )
                }
            )
        return super().clean(value)


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("kind"),
        choices=[("info", _("Information")), ("important", _("Important")), ("success", _("Good to know"))],
        default="info",
    )
    title = blocks.CharBlock(label=_("title"), required=False)
    text = blocks.RichTextBlock(label=_("text"), editor="basic")

    class Meta:
        icon = "warning"
        label = _("Call-out")
        template = "portal/blocks/callout.html"


class FaqBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False)
    items = blocks.ListBlock(
        blocks.StructBlock(
            [
                ("question", blocks.CharBlock(label=_("question"))),
                ("answer", blocks.RichTextBlock(label=_("answer"), editor="basic")),
            ]
        ),
        label=_("questions"),
    )

    class Meta:
        icon = "help"
        label = _("Questions and answers")
        template = "portal/blocks/faq.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(label=_("Text"), editor="body", icon="pilcrow")
    image = ImageBlock()
    documents = DocumentListBlock()
    table = PortalTableBlock()
    video = VideoBlock()
    callout = CalloutBlock()
    faq = FaqBlock()

    class Meta:
        template = "portal/blocks/body.html"
