from wagtail import hooks

from .viewsets import CoordinatorViewSet, TeacherRequestViewSet


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [TeacherRequestViewSet(), CoordinatorViewSet()]
