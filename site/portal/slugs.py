"""The portal's one way of writing an address from a title: python-slugify's transliteration, which for Russian is
the passport scheme (ICAO Doc 9303: «Сварщик» → svarshchik, «Хабаровский» → khabarovskii), whoever makes the page —
the seed, an import, code, or an editor in the admin. (The slugs the first seeds wrote by hand in other schemes,
e.g. «roditelyam», were renamed by portal migrations 0011 and 0012, their old addresses redirecting.)"""

import re

from slugify import slugify

# What Wagtail's admin writes into the slug field as an editor types a title (its urlify, with the Russian map of
# GOST 7.79 system B: «Сварщик» → svarshhik, «Хабаровский» → xabarovskij). A page the editor never gave an address
# of their own would otherwise keep this second scheme.
WAGTAIL_RUSSIAN = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        "a b v g d e yo zh z i j k l m n o p r s t u f x c ch sh shh _ y _ e yu ya".replace("_", "").split(" "),
        strict=True,
    )
)


def slug_for(text, max_length=80):
    """The address segment for ``text`` in the portal's scheme; empty when ``text`` has no letters or digits."""
    return slugify(text or "", max_length=max_length, word_boundary=True)


def wagtail_admin_slug(title):
    """The slug Wagtail's admin proposes for ``title`` (its JavaScript urlify, for Russian and Latin letters)."""
    text = "".join(WAGTAIL_RUSSIAN.get(letter, letter) for letter in (title or "").lower())
    text = re.sub(r"[^\w\s-]", "", text, flags=re.ASCII)
    return re.sub(r"[-\s]+", "-", text.strip()).strip("-")[:255]


def portal_scheme_in_the_admin(request, page=None):
    """Before Wagtail's create view (``before_create_page``) or the edit view of a page never published
    (``before_edit_page``) reads a posted form: a slug that is just what the admin's script made of the title
    becomes the portal's. A slug the editor wrote, and the address of a page once published, are left alone."""
    if request.method != "POST" or (page is not None and page.first_published_at is not None):
        return
    title, slug = request.POST.get("title", "").strip(), request.POST.get("slug", "").strip()
    if title and slug and slug == wagtail_admin_slug(title) and (portal := slug_for(title)) and portal != slug:
        request.POST = request.POST.copy()
        request.POST["slug"] = portal
