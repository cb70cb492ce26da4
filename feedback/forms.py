"""The fields the portal adds to the feedback form the editors build, and the form of a mistake report: what they
accept, refused with messages in the visitor's language."""

from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

# The longest a page address, a selected text and a comment may be (the mistake reports' columns too).
ADDRESS_MAX = 500
SELECTED_MAX = 1000
COMMENT_MAX = 1000
PAGE_FIELD = "page_address"
# A field no person sees (``hidden``): a bot filling in every field it finds gives itself away.
TRAP_FIELD = "website"


def page_path(value):
    """The path (with its query) of an address on the portal: "/atlas/svarshchik/", or a full address on the
    portal's public host. None for anything else: another site, a script, a malformed or overlong address."""
    value = (value or "").strip()
    if not value or len(value) > ADDRESS_MAX or any(ord(char) < 32 or char in "<>\"'\\" for char in value):
        return None
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    if parts.scheme or parts.netloc:
        public = urlsplit(settings.PUBLIC_BASE_URL)
        if parts.scheme not in ("http", "https") or parts.netloc.lower() != public.netloc.lower():
            return None
    if not parts.path.startswith("/") or parts.path.startswith("//"):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


class PortalFields(forms.Form):
    """Added to the form builder's fields: the address of the page the message is about, and the bot trap."""

    page_address = forms.CharField(
        label=_("Address of the page the message is about"),
        required=False,
        max_length=ADDRESS_MAX,
        help_text=_("Optional. For example, /atlas/svarshchik/"),
    )
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, page_address=None, **kwargs):
        super().__init__(*args, **kwargs)
        if page_address:
            self.initial[PAGE_FIELD] = page_address
        self.order_fields([name for name in self.fields if name not in (PAGE_FIELD, TRAP_FIELD)])

    def clean_page_address(self):
        value = self.cleaned_data[PAGE_FIELD]
        if not value:
            return ""
        path = page_path(value)
        if path is None:
            raise forms.ValidationError(
                _("Enter the address of a page of this portal, for example /atlas/svarshchik/"), code="invalid"
            )
        return path

    def is_bot(self):
        return bool(self.cleaned_data.get(TRAP_FIELD))

    def labelled_values(self):
        """(label, value) of every field but the trap, in the form's order, for the editors' letter."""
        values = []
        for name, field in self.fields.items():
            if name == TRAP_FIELD or name not in self.cleaned_data:
                continue
            value = self.cleaned_data[name]
            if isinstance(value, list):
                value = ", ".join(value)
            values.append((field.label, value))
        return values


def with_portal_fields(builder_form_class):
    """The form builder's form class with the portal's fields after the editors' ones."""
    return type("FeedbackForm", (PortalFields, builder_form_class), {})


class ErrorReportForm(forms.Form):
    """A mistake report from the dialog: the selected text, the page (its path) and an optional comment."""

    selected = forms.CharField(
        label=_("Selected text"),
        max_length=SELECTED_MAX,
        error_messages={"required": _("Select the text with the mistake first.")},
    )
    page = forms.CharField(label=_("Page address"), max_length=ADDRESS_MAX)
    comment = forms.CharField(label=_("Your comment"), max_length=COMMENT_MAX, required=False)

    def clean_page(self):
        path = page_path(self.cleaned_data["page"])
        if path is None:
            raise forms.ValidationError(_("Enter the address of a page of this portal."), code="invalid")
        return path
