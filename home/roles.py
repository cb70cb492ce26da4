"""Plone-style editorial roles: «Редакторы» write and submit, «Модераторы» approve and publish, through
Wagtail's moderation workflow on the whole tree; moderators also approve the accounts of organisations and teachers.
Idempotent; run by the seed command."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

EDITORS, MODERATORS = "Редакторы", "Модераторы"
WORKFLOW_NAME = "Модерация"
TASK_NAME = "Утверждение модератором"

PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page"],
    MODERATORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
MODEL_PERMISSIONS = {
    EDITORS: [
        ("wagtailadmin", "access_admin"),
        ("wagtailimages", "add_image"),
        ("wagtailimages", "change_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"),
        ("wagtaildocs", "choose_document"),
        # Editors and moderators run the competitions: every competition's entries (accepted or rejected, results set
        # and published, the winners' works taken into the best practices); a jury sees only its own competitions'.
        ("competitions", "view_entry"),
        ("competitions", "change_entry"),
        ("competitions", "run_competitions"),
        # The mistakes visitors report on pages (the feedback form's submissions go with the form page's rights).
        ("feedback", "view_errorreport"),
        ("feedback", "delete_errorreport"),
    ],
}
MODEL_PERMISSIONS[MODERATORS] = [
    *MODEL_PERMISSIONS[EDITORS],
    ("wagtailimages", "delete_image"),
    ("wagtaildocs", "delete_document"),
    # Moderators also decide who may publish or book: organisations' and teachers' account requests (in every
    # district), and they appoint the districts' coordinators of teachers. Named by label: home imports neither app.
    ("partners", "review_organisation"),
    ("teachers", "review_teacherrequest"),
    ("teachers", "add_coordinator"),
    ("teachers", "change_coordinator"),
    ("teachers", "delete_coordinator"),
    # And they run the vacancy fairs: invite organisations (a booth each) and record the results after the fair.
    *[("fairs", f"{action}_booth") for action in ("add", "change", "delete", "view")],
    ("fairs", "record_results"),
    # And they keep the directory of the families' support centres (never the questions parents send them).
    *[("parents", f"{action}_supportcentre") for action in ("add", "change", "delete", "view")],
    # And the catalogue of professional-development courses (never the teachers enrolled on them).
    *[("courses", f"{action}_course") for action in ("add", "change", "delete", "view")],
]

# Wagtail's own first migration creates English-named groups; they become ours instead of doubling up.
LEGACY_NAMES = {EDITORS: "Editors", MODERATORS: "Moderators"}


def _group(name):
    group = Group.objects.filter(name=name).first()
    if group is None:
        group = Group.objects.filter(name=LEGACY_NAMES[name]).first()
        if group:
            group.name = name
            group.save(update_fields=["name"])
        else:
            group = Group.objects.create(name=name)
    return group


@transaction.atomic
def ensure_editorial_roles():
    root = Page.get_first_root_node()
    groups = {}
    for name in (EDITORS, MODERATORS):
        group = groups[name] = _group(name)
        group.permissions.set(
            [
                Permission.objects.get(content_type__app_label=app, codename=code)
                for app, code in MODEL_PERMISSIONS[name]
            ]
        )
        GroupPagePermission.objects.filter(group=group).exclude(page=root).delete()
        wanted = Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=PAGE_PERMISSIONS[name])
        GroupPagePermission.objects.filter(group=group, page=root).exclude(permission__in=wanted).delete()
        for permission in wanted:
            GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)

    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first() or GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.set([groups[MODERATORS]])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    # Wagtail's own «Moderators approval» workflow is superseded by ours.
    Workflow.objects.exclude(pk=workflow.pk).filter(name="Moderators approval").update(active=False)
    return groups, workflow
