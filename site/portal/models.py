"""Cross-cutting models of the project shell: the image model with mandatory alt text, and the
site-wide settings every page renders (contacts, accessibility statement). They live in the shell
because every app's pages use them and the shell must not depend on a feature app."""

import re

from django.conf import settings
from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, PageChooserPanel, TabbedInterface
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from portal import locales, lookups


class PortalImage(AbstractImage):
    """An image whose description doubles as its alt text. Editors must write one, or say the image
    is decorative (then screen readers skip it)."""

    is_decorative = models.BooleanField(
        _("decorative image"),
        default=False,
        help_text=_("Tick only if the image carries no information; screen readers will skip it."),
    )
    credit = models.CharField(
        _("credit and licence"),
        max_length=255,
        blank=True,
        help_text=_("Author and licence, e.g. «Фото: ХК ИРО, CC BY 4.0»."),
    )

    admin_form_fields = (*Image.admin_form_fields, "is_decorative", "credit")

    @property
    def alt(self):
        """The text alternative to render: empty for decorative images."""
        return "" if self.is_decorative else self.default_alt_text

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")


class PortalRendition(AbstractRendition):
    image = models.ForeignKey(PortalImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


# The bodies whose contacts the footer and the contacts page show, in their order: (field prefix, heading in the admin).
CONTACT_BODIES = (
    ("ministry", _("Regional ministry of education")),
    ("iro", _("Regional institute for the development of education (KhK IRO)")),
    ("centre", _("Regional career guidance centre")),
)
# The social networks whose pages the footer links to, for the bodies that have them: (field suffix, network's name).
SOCIAL_NETWORKS = (("vk", _("VK")), ("telegram", _("Telegram")))
SOCIAL_BODIES = ("ministry", "iro")


def _name(label):
    return models.CharField(label, max_length=255, blank=True)


def _phone():
    return models.CharField(_("phone"), max_length=64, blank=True)


def _email():
    return models.EmailField(_("e-mail"), blank=True)


def _website(label=None):
    return models.URLField(label or _("website"), blank=True)


def _page(label, help_text):
    return models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=label,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=help_text,
    )


@register_setting(icon="site")
class PortalSettings(BaseSiteSetting):
    """Contacts and statements shown in every page's footer: the portal's own contacts, the contacts of the ministry,
    ХК ИРО and the regional career guidance centre (the contacts page shows them whole), their social links, and the
    contacts and feedback pages the footer links to. A contact left empty is shown as «уточняется»: fill in only
    what is confirmed."""

    organisation_ru = models.CharField(_("organisation (Russian)"), max_length=255, blank=True)
    organisation_en = models.CharField(_("organisation (English)"), max_length=255, blank=True)
    address_ru = models.CharField(_("address (Russian)"), max_length=255, blank=True)
    address_en = models.CharField(_("address (English)"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=64, blank=True)
    email = models.EmailField(_("email"), blank=True)
    accessibility_statement_ru = RichTextField(_("accessibility statement (Russian)"), blank=True)
    accessibility_statement_en = RichTextField(_("accessibility statement (English)"), blank=True)

    ministry_name_ru = _name(_("name (Russian)"))
    ministry_name_en = _name(_("name (English)"))
    ministry_address_ru = _name(_("address (Russian)"))
    ministry_address_en = _name(_("address (English)"))
    ministry_phone = _phone()
    ministry_email = _email()
    ministry_website = _website()
    ministry_vk = _website(_("VK page"))
    ministry_telegram = _website(_("Telegram channel"))

    iro_name_ru = _name(_("name (Russian)"))
    iro_name_en = _name(_("name (English)"))
    iro_address_ru = _name(_("address (Russian)"))
    iro_address_en = _name(_("address (English)"))
    iro_phone = _phone()
    iro_email = _email()
    iro_website = _website()
    iro_vk = _website(_("VK page"))
    iro_telegram = _website(_("Telegram channel"))

    centre_name_ru = _name(_("name (Russian)"))
    centre_name_en = _name(_("name (English)"))
    centre_address_ru = _name(_("address (Russian)"))
    centre_address_en = _name(_("address (English)"))
    centre_phone = _phone()
    centre_email = _email()
    centre_website = _website()

    contacts_page = _page(_("contacts page"), _("The page with the contacts in full, linked from every page's footer."))
    feedback_page = _page(
        _("feedback page"), _("The feedback form, linked from every page's footer («Нашли ошибку? Сообщите нам»).")
    )

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    MultiFieldPanel(
                        [
                            FieldPanel("organisation_ru"),
                            FieldPanel("organisation_en"),
                            FieldPanel("address_ru"),
                            FieldPanel("address_en"),
                            FieldPanel("phone"),
                            FieldPanel("email"),
                        ],
                        heading=_("Contacts"),
                    ),
                    MultiFieldPanel(
                        [FieldPanel("accessibility_statement_ru"), FieldPanel("accessibility_statement_en")],
                        heading=_("Accessibility statement"),
                    ),
                    MultiFieldPanel(
                        [PageChooserPanel("contacts_page"), PageChooserPanel("feedback_page")],
                        heading=_("Pages linked from the footer"),
                    ),
                ],
                heading=_("Portal"),
            ),
            ObjectList(
                [
                    MultiFieldPanel(
                        [
                            FieldPanel(f"{prefix}_{name}")
                            for name in ("name_ru", "name_en", "address_ru", "address_en", "phone", "email", "website")
                        ]
                        + [
                            FieldPanel(f"{prefix}_{network}")
                            for network, _label in SOCIAL_NETWORKS
                            if prefix in SOCIAL_BODIES
                        ],
                        heading=heading,
                    )
                    for prefix, heading in CONTACT_BODIES
                ],
                heading=_("Contacts of the bodies"),
            ),
        ]
    )

    class Meta:
        verbose_name = _("portal settings")

    @classmethod
    def for_site(cls, site):
        # Every page's footer reads the settings: once per content version, not once per request.
        if site is None:
            return super().for_site(site)
        return lookups.lookup(
            "settings", cls._meta.label, site.pk, build=lambda: super(PortalSettings, cls).for_site(site)
        )

    def localized(self, field, language_code):
        """The value of ``field`` in the visitor's language, falling back to the default language's."""
        return locales.column_in_language(self, field, language_code)

    def bodies(self):
        """The ministry, ХК ИРО and the career guidance centre, in the visitor's language, for templates: key, name
        and address (each with ``*_lang``, the language shown when it is not the page's), phone, e-mail, website, and
        the social links that are filled in (network, url). Empty values stay empty: templates say «уточняется»."""
        shown = locales.content_language()
        bodies = []
        for prefix, _heading in CONTACT_BODIES:
            body = {"key": prefix}
            for field in ("name", "address"):
                column = f"{prefix}_{field}"
                body[field] = locales.column_in_language(self, column)
                language = locales.column_language(self, column)
                body[f"{field}_lang"] = language if body[field] and language != shown else ""
            for field in ("phone", "email", "website"):
                body[field] = getattr(self, f"{prefix}_{field}")
            body["phone_digits"] = re.sub(r"[^\d+]", "", body["phone"])
            body["social"] = [
                {"network": label, "url": getattr(self, f"{prefix}_{network}")}
                for network, label in SOCIAL_NETWORKS
                if prefix in SOCIAL_BODIES and getattr(self, f"{prefix}_{network}")
            ]
            bodies.append(body)
        return bodies


class UniqueInLocale:
    """For translatable snippets whose code or number is unique per locale (``unique_together`` with ``locale``): the
    admin's form has no locale field, so Django would leave those checks out and the database would refuse the row
    (a server error) instead of the form saying why."""

    def validate_unique(self, exclude=None):
        super().validate_unique(exclude=set(exclude or ()) - {"locale"})


class Audience(TranslatableMixin, models.Model):
    """Who a page is for: students, parents, teachers, young people with disabilities, employers,
    specialists. A fixed list created by a migration; editors may rename and translate, but the slugs stay."""

    slug = models.SlugField(_("code"))
    name = models.CharField(_("name"), max_length=100)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [FieldPanel("name"), FieldPanel("sort_order")]
    # wagtail-localize: translators see the name; the slug (filters and facets use it) and the order follow the
    # original.
    translatable_fields = [TranslatableField("name"), SynchronizedField("slug"), SynchronizedField("sort_order")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "slug"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")

    def __str__(self):
        return self.name

    @classmethod
    def shown(cls):
        """The audiences in their order, each in the visitor's language where translated (the originals otherwise):
        read once per content version and language."""
        return lookups.lookup(
            "audiences",
            locales.content_language(),
            build=lambda: locales.localized(cls.objects.filter(locale__language_code=locales.default_language())),
        )

    @classmethod
    def as_shown(cls, audiences):
        """``audiences`` (a page's links, to originals or translations) as ``shown`` names them, without a query."""
        shown = {audience.translation_key: audience for audience in cls.shown()}
        return [shown.get(audience.translation_key, audience) for audience in audiences]


class DocumentDownload(models.Model):
    """How many times a document was downloaded, alone or inside a kit's archive. Only the number is kept:
    nothing about who downloaded it."""

    document = models.OneToOneField(
        get_document_model_string(), on_delete=models.CASCADE, primary_key=True, related_name="downloads"
    )
    count = models.PositiveIntegerField(_("downloads"), default=0)

    class Meta:
        verbose_name = _("download count")

    def __str__(self):
        return f"{self.document}: {self.count}"

    @classmethod
    def record(cls, document_ids):
        """Add one download to each document, with three queries whatever their number."""
        ids = set(document_ids)
        if not ids:
            return
        known = set(cls.objects.filter(document_id__in=ids).values_list("document_id", flat=True))
        cls.objects.bulk_create([cls(document_id=i, count=0) for i in ids - known], ignore_conflicts=True)
        cls.objects.filter(document_id__in=ids).update(count=F("count") + 1)


class DocumentCheck(models.Model):
    """The last veraPDF check of a PDF of the documents library against PDF/UA-1 (``manage.py validate_documents``,
    run weekly): whether it passed and the rules it failed, for editors to replace the documents that fail. The file
    hash it checked tells whether the document changed since."""

    document = models.OneToOneField(
        get_document_model_string(), on_delete=models.CASCADE, primary_key=True, related_name="accessibility_check"
    )
    file_hash = models.CharField(max_length=40, blank=True)
    compliant = models.BooleanField(_("passes PDF/UA-1"))
    # [{"rule": "7.4.2-1", "description": ..., "checks": n, "messages": [...]}], or the reason veraPDF could not read it
    failures = models.JSONField(_("failed rules"), default=list, blank=True)
    error = models.TextField(_("error"), blank=True)
    checked_at = models.DateTimeField(_("checked"))

    class Meta:
        verbose_name = _("document accessibility check")

    def __str__(self):
        return f"{self.document}: {'PDF/UA-1' if self.compliant else 'fails'}"


class GeneratedFile(models.Model):
    """A PDF or archive built from a published page in the background (``portal.builds``), kept in media storage
    and served as a file. One row per page, kind and version of what it was built from: a request finds the row
    of the current version or gets the «being prepared» page, never a long wait."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        BUILDING = "building", _("being built")
        READY = "ready", _("ready")
        FAILED = "failed", _("failed")

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=40)
    version = models.CharField(_("version"), max_length=64)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    # A visitor has asked for it: its build was queued (again) ahead of the ones publishing queued.
    requested = models.BooleanField(default=False)
    file = models.FileField(_("file"), upload_to="generated/", blank=True, max_length=255)
    size = models.PositiveBigIntegerField(_("size"), null=True, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    # Documents the file carries (a kit's materials in its ZIP): each serving counts as a download of each.
    documents = models.JSONField(default=list, blank=True)
    error = models.TextField(_("error"), blank=True)
    queued_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    built_at = models.DateTimeField(_("built at"), null=True, blank=True)
    build_seconds = models.FloatField(_("build time, s"), null=True, blank=True)

    class Meta:
        verbose_name = _("generated file")
        constraints = [models.UniqueConstraint(fields=["page", "kind", "version"], name="generated_file_version")]

    def __str__(self):
        return f"{self.kind} {self.page_id} {self.version} ({self.status})"


class ImportJob(models.Model):
    """One spreadsheet import through the admin, run by the background worker: checked first (nothing written),
    then, when the editor confirms, written. The file is kept in the database (at most IMPORT_MAX_UPLOAD_BYTES),
    never in media storage, where it could be served. ``active`` marks a job the worker has in hand: the database
    allows one active job per importer, so a second import of the same kind is refused, not interleaved."""

    class Stage(models.TextChoices):
        CHECKING = "checking", _("being checked")
        CHECKED = "checked", _("checked")
        WRITING = "writing", _("being written")
        WRITTEN = "written", _("written")
        FAILED = "failed", _("failed")

    importer = models.CharField(_("importer"), max_length=100)  # dotted path of the app's run_import
    # Who may see the job: the dotted path of its importer's access check (portal.admin_import); a permission
    # in jobs of earlier versions.
    permission = models.CharField(max_length=100)
    title = models.CharField(_("title"), max_length=200)
    options = models.JSONField(default=dict, blank=True)
    filename = models.CharField(_("file name"), max_length=255)
    content = models.BinaryField(editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    stage = models.CharField(_("stage"), max_length=10, choices=Stage.choices, default=Stage.CHECKING)
    active = models.BooleanField(default=True)
    report = models.JSONField(null=True, blank=True)
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("import")
        constraints = [
            models.UniqueConstraint(
                fields=["importer"], condition=models.Q(active=True), name="one_running_import_per_importer"
            )
        ]

    def __str__(self):
        return f"{self.title}: {self.filename} ({self.stage})"
