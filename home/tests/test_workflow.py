"""Plone-style roles: an editor writes and submits, a moderator approves, and the page goes live."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page, WorkflowState
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, streamfield

from home.factories import make_site_tree
from home.models import ContentPage
from home.roles import EDITORS, MODERATORS, WORKFLOW_NAME, ensure_editorial_roles


class ModerationWorkflowTests(WagtailPageTestCase):
    def setUp(self):
        self.home, _ = make_site_tree()
        ensure_editorial_roles()
        User = get_user_model()
        self.editor = User.objects.create_user("redaktor", password="pw-redaktor")
        self.editor.groups.add(Group.objects.get(name=EDITORS))
        self.moderator = User.objects.create_user("moderator", password="pw-moderator")
        self.moderator.groups.add(Group.objects.get(name=MODERATORS))

    def test_roles_are_idempotent_and_replace_wagtails_english_groups(self):
        ensure_editorial_roles()
        names = set(Group.objects.values_list("name", flat=True))
        self.assertTrue({EDITORS, MODERATORS} <= names)
        self.assertFalse({"Editors", "Moderators"} & names)
        root = Page.get_first_root_node()
        self.assertEqual(root.get_workflow().name, WORKFLOW_NAME)

    def test_editor_cannot_publish_but_moderator_can(self):
        self.assertFalse(self.home.permissions_for_user(self.editor).can_publish())
        self.assertTrue(self.home.permissions_for_user(self.editor).can_add_subpage())
        self.assertTrue(self.home.permissions_for_user(self.moderator).can_publish())

    def test_submit_approve_live(self):
        self.client.force_login(self.editor)
        response = self.client.post(
            reverse("wagtailadmin_pages:add", args=("home", "contentpage", self.home.pk)),
            nested_form_data(
                {
                    "title": "Профессии будущего",
                    "slug": "professii-budushchego",
                    "summary": "Что будет нужно краю.",
                    "easy_read_summary": "",
                    "tags": "",
                    "body": streamfield([]),
                    "action-submit": "submit",
                }
            ),
        )
        self.assertEqual(response.status_code, 302)
        page = ContentPage.objects.get(slug="professii-budushchego")
        self.assertFalse(page.live)
        state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(page.pk))
        self.assertEqual(state.status, WorkflowState.STATUS_IN_PROGRESS)
        self.assertEqual(state.workflow.name, WORKFLOW_NAME)

        # The editor cannot approve their own submission.
        task_state = state.current_task_state
        approve_url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
        self.client.post(approve_url, {"comment": ""})
        page.refresh_from_db()
        self.assertFalse(page.live)

        self.client.force_login(self.moderator)
        response = self.client.post(approve_url, {"comment": "Проверено"})
        self.assertIn(response.status_code, (200, 302))
        page.refresh_from_db()
        state.refresh_from_db()
        self.assertTrue(page.live)
        self.assertEqual(state.status, WorkflowState.STATUS_APPROVED)
        self.assertGreaterEqual(page.revisions.count(), 1)
        self.assertEqual(self.client.get(page.url).status_code, 200)
