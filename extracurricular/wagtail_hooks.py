"""The programmes of additional education in the admin."""

from wagtail import hooks

from .viewsets import ProgrammeViewSet


@hooks.register("register_admin_viewset")
def register_viewsets():
    return ProgrammeViewSet()
