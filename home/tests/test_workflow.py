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

    def form(self, **changes):
        return nested_form_data(
            {
                "title": "Профессии будущего",
                "slug": "professii-budushchego",
                "summary": "Что будет нужно краю.",
                "easy_read_summary": "",
                "tags": "",
                "body": streamfield([]),
                **changes,
            }
        )

    def test_submitting_right_after_the_first_autosave_submits_the_autosaved_draft(self):
        """The autosave creates the page; the editor presses «Отправить на модерацию» before the browser has moved
        the form to the new page's edit view, so the whole form reaches the create view a second time. It used to
        fail with «Слаг … уже используется»; it now submits the page the autosave made."""
        self.client.force_login(self.editor)
        add_url = reverse("wagtailadmin_pages:add", args=("home", "contentpage", self.home.pk))
        autosaved = self.client.post(add_url, self.form(summary=""), headers={"accept": "application/json"})
        self.assertEqual(autosaved.json()["success"], True)
        response = self.client.post(add_url, self.form(**{"action-submit": "submit"}))
        self.assertEqual(response.status_code, 302, response.content.decode()[:2000])
        page = ContentPage.objects.get(slug="professii-budushchego")  # one page, not two
        self.assertEqual(page.pk, autosaved.json()["pk"])
        self.assertEqual(page.get_latest_revision_as_object().summary, "Что будет нужно краю.")
        state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(page.pk))
        self.assertEqual(state.status, WorkflowState.STATUS_IN_PROGRESS)

    def test_another_editors_draft_of_the_same_name_still_refuses_the_slug(self):
        """Only the editor's own fresh autosave is continued: a second editor's page of the same name is other work."""
        other = get_user_model().objects.create_user("redaktor2", password="pw-redaktor2")
        other.groups.add(Group.objects.get(name=EDITORS))
        add_url = reverse("wagtailadmin_pages:add", args=("home", "contentpage", self.home.pk))
        self.client.force_login(other)
        self.client.post(add_url, self.form(), headers={"accept": "application/json"})
        self.client.force_login(self.editor)
        response = self.client.post(add_url, self.form(**{"action-submit": "submit"}))
        self.assertEqual(response.status_code, 200)
        self.assertIn("professii-budushchego", response.content.decode())
        self.assertEqual(ContentPage.objects.filter(slug="professii-budushchego").count(), 1)
        self.assertFalse(WorkflowState.objects.filter(base_content_type__isnull=False).exists())
