"""The public side of teachers' accounts: the request form, «check your mail», the confirmation link."""

from django.utils.decorators import method_decorator

from portal import account_request_pages as pages
from portal.limits import limit

from . import accounts
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
