"""The methodological section: its kits and practices, and the lessons of all its kits, filtered."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField

from portal.pages import PortalPage, paginate

from ..filters import LessonFilterForm
from .kits import MethodicalKitPage


class MethodicsIndexPage(PortalPage):
    """«Методическая копилка»: the kits, the best practices, and a finder over every lesson of every kit."""

    introduction = RichTextField(_("introduction"), blank=True, editor="basic")

    parent_page_types = ["home.HomePage", "home.SectionPage"]
    subpage_types = ["methodics.MethodicalKitPage", "methodics.BestPracticeIndexPage"]
    content_panels = [
        *PortalPage.content_panels,
        FieldPanel("introduction"),
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("methodological section")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        children = self.public_children().specific()
        kits = [c for c in children if isinstance(c, MethodicalKitPage)]
        form = LessonFilterForm(request.GET or None, index=self)
        lessons = paginate(request, form.lessons(kits), per_page=20)
        kits_by_path = {k.path: k for k in kits}
        context.update(
            kits=kits,
            practices=[c for c in children if not isinstance(c, MethodicalKitPage)],
            form=form,
            lessons=[(lesson, kits_by_path.get(lesson.path[: -lesson.steplen])) for lesson in lessons],
            page_obj=lessons,
            filtered=bool(form.valid_values()),
        )
        return context
