"""The public side of teachers' accounts: the request form, «check your mail», the confirmation link; and a teacher's
mark that their school uses an early-guidance kit."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.decorators import method_decorator
from django.views import View

from methodics.models import MethodicalKitPage
from portal import account_request_pages as pages
from portal.limits import limit

from . import accounts, in_use
from .forms import TeacherRequestForm
from .models import confirmation_age, rejected_kept


class TeacherPage:
    app_name = "teachers"
    confirmation_age = staticmethod(confirmation_age)


@method_decorator(limit("teacher-registration"), name="dispatch")
class RegisterView(TeacherPage, pages.RegisterView):
    form_class = TeacherRequestForm
    accounts = accounts
    duplicate_field = "email"
    duplicate_message = TeacherRequestForm.taken_message

    def get_context_data(self, **kwargs):
        return super().get_context_data(kept_days=rejected_kept().days, **kwargs)


class SentView(TeacherPage, pages.SentView):
    pass


class ConfirmView(TeacherPage, pages.ConfirmView):
    accounts = accounts
    context_object_name = "teacher"


class KitInUseView(LoginRequiredMixin, View):
    """«Мы используем эти материалы» pressed on an early-guidance kit's page (teachers.in_use): the mark of the
    teacher's school for this year, then back to the kit, which now shows it."""

    http_method_names = ["post"]

    def post(self, request, kit_id):
        kit = get_object_or_404(MethodicalKitPage.objects.live().public(), pk=kit_id)
        teacher = in_use.teacher_of(request.user)
        if teacher is None:
            raise PermissionDenied  # a signed-in visitor without a teacher's approved account
        if not kit.is_early_guidance():
            raise Http404
        in_use.mark(kit, teacher)
        return redirect(kit.url + "#in-use")
