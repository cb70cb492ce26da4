"""The dashboard on the admin's home screen and its reports' addresses."""

from wagtail import hooks

from .views import AttentionPanel, urls


@hooks.register("construct_homepage_panels")
def add_attention_panel(request, panels):
    panels.append(AttentionPanel(request))


@hooks.register("register_admin_urls")
def register_attention_reports():
    return urls()
