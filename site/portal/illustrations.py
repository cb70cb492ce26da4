"""The project's own illustrations (media_seed/illustrations/, drawn by bin/draw_illustrations.py) as Wagtail images:
one per sector of the atlas and the home page's hero, each with the alt text and the credit written for it."""

import json

from django.conf import settings
from django.core.files.images import ImageFile

ILLUSTRATIONS_DIR = settings.BASE_DIR / "media_seed" / "illustrations"


def illustration_list():
    """The drawings' descriptions: file, title, description (the alt text), credit, and the sector's Russian name
    or ``home``."""
    return json.loads((ILLUSTRATIONS_DIR / "illustrations.json").read_text(encoding="utf-8"))


def illustration(meta):
    """The Wagtail image of one drawing, created on the first call (found by its title afterwards)."""
    from wagtail.images import get_image_model

    Image = get_image_model()
    image = Image.objects.filter(title=meta["title"]).first()
    if image is None:
        with open(ILLUSTRATIONS_DIR / meta["file"], "rb") as fh:
            image = Image(title=meta["title"], description=meta["description"], credit=meta["credit"])
            image.file = ImageFile(fh, name=meta["file"])
            image.save()
    return image


def sector_illustrations():
    """{the sector's Russian name: its image}."""
    return {meta["sector"]: illustration(meta) for meta in illustration_list() if meta.get("sector")}


def home_illustration():
    return next(illustration(meta) for meta in illustration_list() if meta.get("home"))
