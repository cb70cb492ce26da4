"""The dashboard on the admin's home screen and its reports' addresses; bulk actions on profession cards."""

from wagtail import hooks

from .bulk_actions import ChangeDemandBulkAction, ChangeSectorBulkAction
from .views import AttentionPanel, urls

hooks.register("register_bulk_action", ChangeSectorBulkAction)
hooks.register("register_bulk_action", ChangeDemandBulkAction)


@hooks.register("construct_homepage_panels")
def add_attention_panel(request, panels):
    panels.append(AttentionPanel(request))


@hooks.register("register_admin_urls")
def register_attention_reports():
    return urls()
