"""The editors' guide (/admin/guide/, in the admin's Help menu next to the design patterns): how a profession card is
written, how the yearly update goes, how moderation and translations work, what the dashboard's items mean and how
the site's settings are edited — in Russian, for the editors of the ministry and ХК ИРО. Its pictures are screenshots
of the portal's own admin, taken by ``bin/guide_screenshots.py`` into ``home/static/home/guide/``."""

from dataclasses import dataclass

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from portal import locales

SCREENSHOT_DIR = "home/guide"  # under static/


@dataclass(frozen=True)
class Section:
    slug: str
    title: str  # lazy


SECTIONS = [
    Section("cards", _("Writing a profession card")),
    Section("yearly-update", _("The yearly update of the atlas")),
    Section("moderation", _("Moderation and translations")),
    Section("dashboard", _("What the dashboard's items mean")),
    Section("settings", _("Site settings, contacts and the home page")),
]
BY_SLUG = {section.slug: section for section in SECTIONS}
TITLE = _("Editor's guide")


class GuideView(WagtailAdminTemplateMixin, TemplateView):
    """The guide's contents (no ``section``) or one of its sections."""

    header_icon = "help"

    def dispatch(self, request, *args, section=None, **kwargs):
        if section is not None and section not in BY_SLUG:
            raise Http404
        self.section = BY_SLUG.get(section)
        return super().dispatch(request, *args, **kwargs)

    def get_template_names(self):
        return [f"home/guide/{self.section.slug}.html" if self.section else "home/guide/index.html"]

    def get_page_title(self):
        return self.section.title if self.section else TITLE

    def get_breadcrumbs_items(self):
        return []  # the header with its visible title; the sections link to each other and to the contents

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        position = SECTIONS.index(self.section) if self.section else -1
        context.update(
            sections=[(section, reverse("portal_guide_section", args=[section.slug])) for section in SECTIONS],
            section=self.section,
            previous=SECTIONS[position - 1] if position > 0 else None,
            next=SECTIONS[position + 1] if position + 1 < len(SECTIONS) else None,
            shots=SCREENSHOT_DIR,
            guide_language=locales.default_language(),  # the guide is written in the portal's own language
        )
        return context


guide_view = GuideView.as_view()
