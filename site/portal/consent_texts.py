"""What every consent the portal asks for keeps: a digest of the text as it was shown, so that what a person agreed to
can be proven later even if the template's wording was mended since."""

import hashlib
import re


def digest(html):
    """SHA-256 of the words of ``html`` (its markup and spacing taken out)."""
    words = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()
    return hashlib.sha256(words.encode()).hexdigest()
