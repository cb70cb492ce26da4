"""Registering an admin report (a Wagtail ``ReportView``): its two addresses and its item in Reports."""

from django.urls import path, reverse
from wagtail.admin.menu import MenuItem


def report_urls(view, slug):
    """The report at ``reports/<slug>/`` and its results fragment; the view names them in ``index_url_name``
    and ``index_results_url_name``."""
    return [
        path(f"reports/{slug}/", view.as_view(), name=view.index_url_name),
        path(f"reports/{slug}/results/", view.as_view(results_only=True), name=view.index_results_url_name),
    ]


def report_menu_item(view, *, icon, order):
    return MenuItem(view.page_title, reverse(view.index_url_name), icon_name=icon, order=order)
