"""The contacts page and the feedback form (Wagtail's form builder)."""

from django.conf import settings
from django.db import models, transaction
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from slugify import slugify
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractFormField, EmailFormMixin, FormMixin
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField
from wagtail.models import Site
from wagtail.search import index

from portal.addresses import public_url
from portal.limits import exceeded, too_many_requests
from portal.models import PortalSettings
from portal.pages import PortalPage

from .. import mailing
from ..forms import PAGE_FIELD, TRAP_FIELD, page_path, with_portal_fields


class ContactsPage(PortalPage):
    """«Контакты»: the ministry, ХК ИРО and the regional career guidance centre. Their names, addresses, phones,
    e-mails, websites and social links are edited in the site settings (Settings → Portal settings → Contacts of the
    bodies), which the footer of every page shows too; an empty one reads «уточняется»."""

    introduction = RichTextField(_("introduction"), blank=True, editor="basic")

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    content_panels = [*PortalPage.content_panels, FieldPanel("introduction")]
    # «телефон министерства образования» finds the page on both search backends by what it shows, which lives in
    # the site settings: indexed with the page (when it is published or the index rebuilt).
    search_fields = [
        *PortalPage.search_fields,
        index.SearchField("introduction"),
        index.SearchField("contacts_text", boost=2),
    ]

    class Meta:
        verbose_name = _("contacts page")

    def contacts_text(self):
        """The page's contacts as a visitor reads them, in its language: each body's name, then what is given of
        its address, phone, e-mail and website, each after its label («Телефон»)."""
        with translation.override(self.locale.language_code):
            labels = [gettext(label) for label in ("Address", "Phone", "Email", "Website")]
            settings_row = PortalSettings.for_site(self.get_site() or Site.objects.get(is_default_site=True))
            parts = []
            for body in settings_row.bodies():
                given = [body["address"], body["phone"], body["email"], body["website"]]
                parts.append(
                    " ".join(
                        [
                            body["name"],
                            *(f"{label} {value}".strip() for label, value in zip(labels, given, strict=True)),
                        ]
                    )
                )
        return "\n".join(parts)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["bodies"] = PortalSettings.for_request(request).bodies()
        return context


class FeedbackFormField(AbstractFormField):
    page = ParentalKey("FeedbackFormPage", on_delete=models.CASCADE, related_name="form_fields")

    def get_field_clean_name(self):
        """The label transliterated, as the portal's slugs are («Ваше сообщение» → vashe_soobshchenie): Wagtail's own
        would spell Cyrillic as escape codes (u0412u0430…) in the field's name and id."""
        return slugify(self.label, separator="_", max_length=200) or super().get_field_clean_name()


class FeedbackFormPage(EmailFormMixin, FormMixin, PortalPage):
    """The feedback form: editors choose its fields (Wagtail's form builder); a visitor may write without giving a
    name. The form adds a field for the address of the page the message is about (filled in when the visitor comes
    from a page's «Нашли ошибку?» link). Submissions are listed under Forms in the admin, mailed to the addresses
    below (to the editors and moderators when none is given) through the task queue, and deleted after
    FEEDBACK_KEPT_DAYS days. Do not add fields for names or e-mails without a consent (152-ФЗ)."""

    introduction = RichTextField(_("introduction"), blank=True, editor="basic")
    thank_you_text = RichTextField(_("thank-you text"), blank=True, editor="basic")

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    http_method_names = ("get", "head", "post")
    content_panels = [
        *PortalPage.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("introduction"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("to_address"), FieldPanel("subject")])],
            heading=_("E-mail to the editors"),
        ),
    ]

    _prefilled_address = None

    class Meta:
        verbose_name = _("feedback form")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["kept_days"] = settings.FEEDBACK_KEPT_DAYS
        return context

    def get_form_class(self):
        return with_portal_fields(super().get_form_class())

    def get_form_parameters(self):
        return {**super().get_form_parameters(), "page_address": self._prefilled_address}

    def get_data_fields(self):
        return [*super().get_data_fields(), (PAGE_FIELD, _("Page address"))]

    def serve(self, request, *args, **kwargs):
        """Wagtail's form view, with a limit per address on what is sent (over it: the 429 page) and the page address
        of ``?page=`` filled in (only a valid address of the portal; anything else is left out)."""
        self._prefilled_address = page_path(request.GET.get("page", "")) if request.method == "GET" else None
        if request.method == "POST" and exceeded(request, "feedback", count=True):
            return too_many_requests(request)
        response = super().serve(request, *args, **kwargs)
        if request.method == "POST" and response.status_code == 200 and getattr(response, "context_data", None):
            form = response.context_data.get("form")
            if form is not None and form.errors:
                response.status_code = 400
        add_never_cache_headers(response)
        return response

    @transaction.atomic
    def process_form_submission(self, form):
        """Stored (without the bot trap) and mailed to the editors when the transaction commits; a bot that filled
        the trap is thanked as a person would be, and nothing is kept or sent."""
        if form.is_bot():
            return None
        data = {name: value for name, value in form.cleaned_data.items() if name != TRAP_FIELD}
        submission = self.get_submission_class().objects.create(form_data=data, page=self)
        mailing.queue_to_editors(
            "feedback/mail/submission.txt",
            {
                "page": self,
                "fields": form.labelled_values(),
                "link": public_url(reverse("wagtailforms:list_submissions", args=[self.pk])),
            },
            self.to_address,
            subject=self.subject,
        )
        return submission
