"""Plone-style general content types of the portal (see the README's table of Plone equivalents)."""

from portal.pages import PortalPage

from .base import PageTag
from .collections import CollectionPage
from .events import EventIndexPage, EventPage
from .news import NewsIndexPage, NewsPage
from .pages import ContentPage, HomePage, LinkPage, SectionPage

__all__ = [
    "CollectionPage",
    "ContentPage",
    "EventIndexPage",
    "EventPage",
    "HomePage",
    "LinkPage",
    "NewsIndexPage",
    "NewsPage",
    "PageTag",
    "PortalPage",
    "SectionPage",
]
