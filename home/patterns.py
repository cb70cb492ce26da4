"""The pattern page for editors (/admin/patterns/, in the admin's Help menu): every public component once, rendered
by the site's own templates, includes and stylesheet, with the design tokens and their contrast (docs/design.md)."""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model

from atlas.filters import AtlasFilterForm
from atlas.models import ProfessionPage
from atlas.models.pages import with_pictures
from portal import design
from portal.illustrations import illustration_list

ICONS = [
    ("portal/logo.svg", _("the logo mark")),
    ("portal/favicon.svg", _("the browser tab's icon")),
    ("portal/icons/icon-180.png", _("the phone's home-screen icon")),
]


def icons():
    """The logo's forms, then every SVG icon in portal/icons/ (the project's, then Tabler's in tabler/), named by
    its file."""
    folder = design.CSS_DIR.parent / "icons"
    found = [*sorted(folder.glob("*.svg")), *sorted((folder / "tabler").glob("*.svg"))]
    return [
        *((static(path), text) for path, text in ICONS),
        *((static(f"portal/icons/{icon.relative_to(folder).as_posix()}"), icon.stem) for icon in found),
    ]


def sample_professions():
    """Two real cards of the atlas (the newest live ones) to show the list card with its picture."""
    return list(with_pictures(ProfessionPage.objects.live().public()).order_by("-first_published_at")[:2])


def illustrations():
    """The project's drawings that are in the image library, in the order of illustrations.json."""
    titles = [meta["title"] for meta in illustration_list()]
    found = get_image_model().objects.filter(title__in=titles).prefetch_related("renditions")
    images = {image.title: image for image in found}
    return [images[title] for title in titles if title in images]


def patterns_view(request):
    form = AtlasFilterForm({"salary_from": "много", "level": "spo"}, sectors=[], districts=[])
    form.is_valid()
    values = design.tokens()
    context = {
        "colours": [(name, value) for name, value in values.items() if value.startswith("#")],
        "scale": [(name, value) for name, value in values.items() if name.startswith("--step")],
        "spacing": [(name, value) for name, value in values.items() if name.startswith("--space")],
        "pairs": design.colour_pairs(),
        "schemes": design.scheme_pairs(),
        "form": form,
        "pages": Paginator(range(1, 121), 20).get_page(3),
        "professions": sample_professions(),
        "illustrations": illustrations(),
        "icons": icons(),
    }
    return TemplateResponse(request, "home/patterns.html", context)
