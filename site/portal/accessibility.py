"""The version for the visually impaired (версия для слабовидящих).

The visitor's choices live in one cookie and are applied by the server as classes on ``<html>``, so the page
arrives already in the chosen mode (no flash) and everything works without JavaScript. A cookie that does not
parse, or holds values outside the known ones, is ignored and replaced with the defaults.
"""

from dataclasses import asdict, dataclass, fields, replace
from urllib.parse import parse_qsl, urlencode

from django.utils.translation import gettext_lazy as _

COOKIE = "a11y"
COOKIE_AGE = 60 * 60 * 24 * 365

OPTIONS = {
    "size": [("1", _("Normal text")), ("2", _("Large text")), ("3", _("Larger text")), ("4", _("Largest text"))],
    "scheme": [
        ("bw", _("Black on white")),
        ("wb", _("White on black")),
        ("blue", _("Dark blue on light blue")),
        ("brown", _("Brown on beige")),
        ("green", _("Green on dark brown")),
    ],
    "images": [("on", _("Images on")), ("grey", _("Images in greyscale")), ("off", _("Images off"))],
    "spacing": [("normal", _("Standard spacing")), ("medium", _("Medium spacing")), ("large", _("Large spacing"))],
    "font": [("sans", _("Sans-serif font")), ("serif", _("Serif font"))],
    "speech": [("off", _("Speech off")), ("on", _("Speech on"))],
}
# Whether the panel's settings are unfolded: the visitor folds them into one row and the choice is kept.
PANEL_STATES = ("open", "closed")
GROUP_LABELS = {
    "size": _("Font size"),
    "scheme": _("Colour scheme"),
    "images": _("Images"),
    "spacing": _("Letter and line spacing"),
    "font": _("Font"),
    "speech": _("Reading aloud"),
}


@dataclass(frozen=True)
class Settings:
    enabled: bool = False
    size: str = "1"
    scheme: str = "bw"
    images: str = "on"
    spacing: str = "normal"
    font: str = "sans"
    speech: str = "off"
    panel: str = "open"

    @classmethod
    def from_cookie(cls, raw):
        """The settings a cookie holds; ``None`` when it is garbage (then it is to be replaced)."""
        if not raw:
            return cls()
        if len(raw) > 200:
            return None
        try:
            pairs = dict(parse_qsl(raw, strict_parsing=True))
        except ValueError:
            return None
        values = {}
        for key, value in pairs.items():
            if key == "on" and value in ("0", "1"):
                values["enabled"] = value == "1"
            elif key == "panel" and value in PANEL_STATES:
                values["panel"] = value
            elif key in OPTIONS and value in {code for code, _label in OPTIONS[key]}:
                values[key] = value
            else:
                return None
        return cls(**values)

    def to_cookie(self):
        data = {"on": "1" if self.enabled else "0"}
        data.update({name: value for name, value in asdict(self).items() if name != "enabled"})
        return urlencode(data)

    @property
    def cache_variant(self):
        """What a cached page or fragment varies by: nothing for the standard version, the whole settings for the
        visually-impaired one."""
        return self.to_cookie() if self.enabled else ""

    def change(self, key, value):
        """These settings with ``key`` set to ``value``; unknown keys or values change nothing."""
        if key == "enabled":
            return replace(self, enabled=value == "1")
        if key == "reset":
            return Settings(enabled=self.enabled)
        if key == "panel":
            return replace(self, panel=value) if value in PANEL_STATES else self
        if key in OPTIONS and value in {code for code, _label in OPTIONS[key]}:
            return replace(self, enabled=True, **{key: value})
        return self

    @property
    def html_classes(self):
        if not self.enabled:
            return ""
        names = [f.name for f in fields(self) if f.name not in ("enabled", "panel")]
        return "a11y " + " ".join(f"a11y-{name}-{getattr(self, name)}" for name in names)

    def groups(self):
        """The panel's button groups: (key, label, [(value, label, pressed)])."""
        return [
            (key, GROUP_LABELS[key], [(code, label, getattr(self, key) == code) for code, label in choices])
            for key, choices in OPTIONS.items()
        ]


def context_processor(request):
    settings = getattr(request, "a11y", None) or Settings.from_cookie(request.COOKIES.get(COOKIE)) or Settings()
    return {"a11y": settings}


class AccessibilityMiddleware:
    """Reads the cookie once per request and replaces a garbage one with the defaults."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        parsed = Settings.from_cookie(request.COOKIES.get(COOKIE))
        request.a11y = parsed or Settings()
        response = self.get_response(request)
        if parsed is None and COOKIE not in response.cookies:
            response.set_cookie(
                COOKIE,
                Settings().to_cookie(),
                max_age=COOKIE_AGE,
                samesite="Lax",
                secure=request.is_secure(),
                httponly=True,
            )
        return response
