"""The guides built on the atlas: «Профнавигатор» (a yearly edition), «Профнавигатор равных возможностей»
(for young people with disabilities) and the «справочник для поступающих» (handbook for applicants)."""

from django import forms
from django.db import models
from django.db.models import Case, When
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.snippets.blocks import SnippetChooserBlock

from atlas.models import EducationalOrganization, MunicipalDistrict, OpenDay, ProfessionPage, ProfessionSuitability
from atlas.models.pages import with_pictures
from atlas.models.snippets import LEVELS
from portal.blocks import BodyBlock
from portal.builds import serve
from portal.disabilities import DISABILITY_CATEGORIES
from portal.pages import PortalPage, paginate

GUIDE_PARENTS = ["navigator.NavigatorIndexPage", "home.HomePage", "home.SectionPage"]


class NavigatorIndexPage(PortalPage):
    """The «Профнавигатор» section: the current edition first, earlier editions, and the other guides."""

    introduction = RichTextField(_("introduction"), blank=True, editor="basic")

    parent_page_types = ["home.HomePage", "home.SectionPage"]
    subpage_types = [
        "navigator.ProfnavigatorEditionPage",
        "navigator.EqualOpportunitiesPage",
        "navigator.ApplicantHandbookPage",
    ]
    content_panels = [
        *PortalPage.content_panels,
        FieldPanel("introduction"),
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Profnavigator section")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        children = list(self.public_children().specific())
        context["editions"] = sorted(
            (c for c in children if isinstance(c, ProfnavigatorEditionPage)), key=lambda e: -e.year
        )
        context["guides"] = [c for c in children if not isinstance(c, ProfnavigatorEditionPage)]
        return context


class EditionSectionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"))
    sector = SnippetChooserBlock("atlas.Sector", required=False, label=_("sector"))
    notes = blocks.TextBlock(required=False, label=_("notes for this edition"))
    professions = blocks.ListBlock(blocks.PageChooserBlock(page_type="atlas.ProfessionPage"), label=_("professions"))

    class Meta:
        icon = "list-ol"
        label = _("Section")


class ProfnavigatorEditionPage(RoutablePageMixin, PortalPage):
    """One yearly edition of «Профнавигатор»: sections by sector, each an ordered choice of atlas cards."""

    year = models.PositiveSmallIntegerField(_("year"))
    is_current = models.BooleanField(_("current edition"), default=False)
    introduction = RichTextField(_("introduction"), blank=True, editor="basic")
    sections = StreamField([("section", EditionSectionBlock())], verbose_name=_("sections"), blank=True)

    parent_page_types = GUIDE_PARENTS
    subpage_types = []
    content_panels = [
        *Page.content_panels,
        FieldPanel("year"),
        FieldPanel("is_current"),
        *PortalPage.summary_panels,
        FieldPanel("introduction"),
        FieldPanel("sections"),
    ]

    class Meta:
        verbose_name = _("Profnavigator edition")
        verbose_name_plural = _("Profnavigator editions")

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if self.is_current:  # one current edition per language
            ProfnavigatorEditionPage.objects.filter(locale_id=self.locale_id, is_current=True).exclude(
                pk=self.pk
            ).update(is_current=False)

    def profession_ids(self):
        return [
            page_id
            for section in self.sections
            for page_id in (p.pk for p in section.value["professions"] if p is not None)
        ]

    def shown_pages(self, ids, live=True):
        """{chosen id: the card shown for it}: its translation in the edition's language where there is one (an
        edition translated with wagtail-localize keeps its original's choice of cards), else the card chosen; live
        cards only unless ``live`` is false, with their pictures (atlas with_pictures). A constant number of queries."""
        pages = with_pictures(ProfessionPage.objects.live() if live else ProfessionPage.objects.all())
        chosen = {p.pk: p for p in pages.filter(pk__in=ids)}
        others = {p.translation_key: pk for pk, p in chosen.items() if p.locale_id != self.locale_id}
        if others:
            for page in pages.filter(translation_key__in=others, locale_id=self.locale_id):
                chosen[others[page.translation_key]] = page
        return chosen

    def section_list(self):
        """[(section value, [live profession pages in the editors' order])] with a constant number of queries (the
        cards' pictures and their renditions included)."""
        pages = self.shown_pages(self.profession_ids())
        return [
            (section.value, [pages[p.pk] for p in section.value["professions"] if p and p.pk in pages])
            for section in self.sections
        ]

    def editions(self):
        return ProfnavigatorEditionPage.objects.live().filter(locale_id=self.locale_id).order_by("-year")

    def compare_with(self, other):
        """Professions added since ``other`` and removed since it, by title."""
        mine, theirs = set(self.profession_ids()), set(other.profession_ids())
        titles = {pk: page.title for pk, page in self.shown_pages(mine | theirs, live=False).items()}
        return (
            sorted(titles[i] for i in mine - theirs if i in titles),
            sorted(titles[i] for i in theirs - mine if i in titles),
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.section_list()
        context["other_editions"] = [e for e in self.editions() if e.pk != self.pk]
        raw = request.GET.get("compare", "")
        if raw:
            other = next((e for e in context["other_editions"] if str(e.year) == raw), None)
            if other is None:
                context["compare_error"] = _("There is no other edition for the year «%(year)s».") % {"year": raw[:10]}
            else:
                context["compare_with"] = other
                context["added"], context["removed"] = self.compare_with(other)
        return context

    @path("pdf/", name="booklet")
    def booklet(self, request):
        return serve(request, self, "booklet-pdf")


class CategoryForm(forms.Form):
    category = forms.ChoiceField(
        label=_("Health condition"), required=False, choices=[("", _("Choose a category")), *DISABILITY_CATEGORIES]
    )
    degree = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[("", _("suitable, also with limitations")), ("suitable", _("suitable only"))],
    )


class EqualOpportunitiesPage(PortalPage):
    """«Профнавигатор равных возможностей»: professions of the atlas by disability category, with the degree
    of suitability, contraindications, colleges with adapted programmes, employers and support."""

    introduction = RichTextField(_("introduction"), blank=True, editor="basic")
    support = StreamField(BodyBlock(), verbose_name=_("support measures"), blank=True)
    contacts = RichTextField(_("contacts"), blank=True, editor="inline")

    parent_page_types = GUIDE_PARENTS
    subpage_types = []
    content_panels = [
        *PortalPage.content_panels,
        FieldPanel("introduction"),
        FieldPanel("support"),
        FieldPanel("contacts"),
    ]

    class Meta:
        verbose_name = _("equal-opportunities navigator")

    def search_facets(self):
        """The navigator is for every category: the site search's «category» facet finds it for each."""
        return {**super().search_facets(), "category": [code for code, _label in DISABILITY_CATEGORIES]}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = CategoryForm(request.GET or None)
        category = degree = ""
        if form.is_valid():
            category, degree = form.cleaned_data["category"], form.cleaned_data["degree"]
        context.update(form=form, category=category)
        if category:
            degrees = ["suitable"] if degree == "suitable" else ["suitable", "limited"]
            rows = (
                ProfessionSuitability.objects.filter(
                    category=category, degree__in=degrees, page__live=True, page__locale_id=self.locale_id
                )
                .select_related("page", "page__sector")
                .order_by(Case(When(degree="suitable", then=0), default=1), "page__title")  # suitable first
            )
            results = paginate(request, rows, per_page=20)
            pages = [row.page for row in results]
            organisations, adapted, employers = self._links(pages, category)
            context.update(
                results=results,
                organisations=organisations,
                adapted=adapted,
                employers=employers,
                category_label=dict(DISABILITY_CATEGORIES)[category],
            )
        return context

    @staticmethod
    def _links(pages, category):
        """Colleges, adapted programmes for ``category`` and employers of the listed cards: three queries."""
        ids = [p.pk for p in pages]
        organisations = {}
        for link in ProfessionPage.organisations.through.objects.filter(professionpage_id__in=ids).select_related(
            "educationalorganization"
        ):
            organisations.setdefault(link.professionpage_id, []).append(link.educationalorganization)
        adapted = {}
        for link in ProfessionPage.specialties.through.objects.filter(
            professionpage_id__in=ids, specialty__adapted_for__contains=category
        ).select_related("specialty"):
            if category in [code.strip() for code in link.specialty.adapted_for.split(",")]:
                adapted.setdefault(link.professionpage_id, []).append(link.specialty)
        employers = {}
        for link in ProfessionPage.employers.through.objects.filter(professionpage_id__in=ids).select_related(
            "employer"
        ):
            employers.setdefault(link.professionpage_id, []).append(link.employer)
        return organisations, adapted, employers


class ApplicantHandbookPage(PortalPage):
    """«Справочник для поступающих»: every college and university of the krai with its programmes, admission
    information, open days and conditions for students with disabilities."""

    admission = StreamField(BodyBlock(), verbose_name=_("admission information"), blank=True)

    parent_page_types = GUIDE_PARENTS
    subpage_types = []
    content_panels = [
        *PortalPage.content_panels,
        FieldPanel("admission"),
    ]

    class Meta:
        verbose_name = _("handbook for applicants")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        districts = MunicipalDistrict.objects.filter(locale_id=self.locale_id)
        form = HandbookForm(request.GET or None, districts=districts)
        organisations = (
            EducationalOrganization.objects.filter(locale_id=self.locale_id)
            .select_related("district")
            .prefetch_related("specialties")
            .order_by("kind", "name")
        )
        if form.is_valid():
            data = form.cleaned_data
            if data["district"]:
                organisations = organisations.filter(district__slug=data["district"])
            if data["level"]:
                organisations = organisations.filter(kind="vo" if data["level"] == "vo" else "spo")
            if data["profession"]:
                organisations = organisations.filter(professions__title__icontains=data["profession"]).distinct()
        results = paginate(request, organisations, per_page=20)
        # Entered on each organisation (in the default language), keyed by translation_key for every language.
        context.update(form=form, organisations=results, open_days=OpenDay.of(results))
        return context


class HandbookForm(forms.Form):
    district = forms.ChoiceField(label=_("District"), required=False)
    level = forms.ChoiceField(label=_("Level"), required=False, choices=[("", pgettext_lazy("filter", "Any")), *LEVELS])
    profession = forms.CharField(label=_("Profession"), required=False, max_length=100)

    def __init__(self, data, *, districts):
        super().__init__(data)
        self.fields["district"].choices = [("", pgettext_lazy("filter", "Any")), *((d.slug, d.name) for d in districts)]
