"""The public side of organisation accounts: the request form, «check your mail», the confirmation link."""

from django.utils.decorators import method_decorator

from portal import account_request_pages as pages
from portal.limits import limit

from . import accounts
from .forms import RegistrationForm
from .models import confirmation_age


class PartnerPage:
    app_name = "partners"
    confirmation_age = staticmethod(confirmation_age)


@method_decorator(limit("partner-registration"), name="dispatch")
class RegisterView(PartnerPage, pages.RegisterView):
    form_class = RegistrationForm
    accounts = accounts
    duplicate_message = RegistrationForm.duplicate_message  # the organisation's request was written meanwhile


class SentView(PartnerPage, pages.SentView):
    pass


class ConfirmView(PartnerPage, pages.ConfirmView):
    accounts = accounts
    context_object_name = "organisation"
