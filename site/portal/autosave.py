"""Wagtail's autosave and the editor's first button press, one moment apart.

The create form autosaves half a second after the first change: the page is created then, and the browser moves
the form over to the new page's edit view once the answer arrives. An editor who presses «Отправить на
модерацию» (or «Сохранить черновик», «Опубликовать») before that posts the whole form to the create view again,
which refused it: «Слаг … уже используется» — the slug of the page the autosave had just made. That post is sent
on to the edit view of the page it would have duplicated, so the press does what the editor meant."""

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from portal.slugs import portal_scheme_in_the_admin

# An autosaved draft is taken as the form's own only this long after its last revision; older drafts of the same
# name are other work, and the create view's usual «slug in use» error stands.
ADOPTION_WINDOW = timedelta(minutes=10)


def autosaved_draft(request, parent_page, page_class):
    """The draft the autosave of this same create form made a moment ago, or None: a child of ``parent_page`` of
    the same type and slug, created by this editor, never published, without children, whose latest revision is
    this editor's and recent."""
    slug = request.POST.get("slug", "").strip()
    if not slug:
        return None
    draft = (
        parent_page.get_children()
        .filter(
            slug=slug,
            content_type=ContentType.objects.get_for_model(page_class),
            owner=request.user,
            live=False,
            first_published_at__isnull=True,
            numchild=0,
        )
        .select_related("latest_revision")
        .first()
    )
    revision = draft and draft.latest_revision
    if revision is None or revision.user_id != request.user.pk:
        return None
    if revision.created_at < timezone.now() - ADOPTION_WINDOW:
        return None
    return draft


def continue_in_the_autosaved_draft(request, parent_page, page_class):
    """``before_create_page`` hook: a full form post (not an autosave, which expects JSON) whose page the autosave
    already created goes to that page's edit view."""
    portal_scheme_in_the_admin(request)  # the slug the autosave's draft got (portal.slugs)
    if request.method != "POST" or not request.accepts("text/html"):
        return None
    draft = autosaved_draft(request, parent_page, page_class)
    if draft is None:
        return None
    from wagtail.admin.views.pages.edit import EditView

    return EditView.as_view()(request, page_id=draft.pk)
