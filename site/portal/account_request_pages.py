"""The public side of every request for an account (an organisation's, a teacher's): the form's password and consent
fields, and the three pages — the request form, «check your mail», the confirmation link. Each feature app
subclasses these with its own form, its ``accounts`` module and its templates, which extend
``portal/account_request/*.html`` and fill in their own wording.

An app's ``accounts`` module gives ``forget_lapsed_requests()``, ``register(form)`` (raising ``Duplicate``) and
``confirm(token)`` (raising ``signing.SignatureExpired`` or ``signing.BadSignature``)."""

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.password_validation import password_validators_help_texts
from django.core import signing
from django.db.models import Q
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from portal.account_requests import RequestStatus


def described(hint_id, **attrs):
    """Widget attributes that tie the field to its hint (``<p id=hint_id>`` in the template)."""
    return {"aria-describedby": hint_id, **attrs}


class PasswordAndConsentForm(forms.Form):
    """The new account's password, twice, checked by the site's password validators against the person's name and
    address (the form's ``name_field`` and ``email``), and the consent to the processing of personal data. These
    fields come last, after the app's own."""

    name_field = None  # the app's field with the person's full name
    taken_message = None  # the app's words for an address that has an account already
    SHARED_FIELDS = ("password1", "password2", "consent")

    password1 = forms.CharField(
        label=_("Password for the account"),
        strip=False,
        widget=forms.PasswordInput(attrs=described("password-hint", autocomplete="new-password")),
    )
    password2 = forms.CharField(
        label=_("The password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    consent = forms.BooleanField(
        label=_("I consent to the processing of my personal data for the purpose stated above"),
        label_suffix="",
        widget=forms.CheckboxInput(attrs=described("consent-text")),
        error_messages={"required": _("Without your consent the portal cannot keep the request.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Declared in a base class, the shared fields would come first; the app's own are asked for before them.
        self.order_fields([name for name in self.fields if name not in self.SHARED_FIELDS])

    def clean_email(self):
        """The address in lower case; refused when an account has it as its user name or address already."""
        email = self.cleaned_data["email"].strip().lower()
        if get_user_model().objects.filter(Q(username__iexact=email) | Q(email__iexact=email)).exists():
            raise forms.ValidationError(self.taken_message, code="taken")
        return email

    def clean(self):
        cleaned = super().clean()
        self.check_password(cleaned)
        return cleaned

    def check_password(self, cleaned):
        """Add the errors of the two password fields: they differ, or the site's validators refuse the first."""
        if cleaned.get("password1") and cleaned.get("password2") and cleaned["password1"] != cleaned["password2"]:
            self.add_error("password2", _("The two passwords differ."))
        elif cleaned.get("password1"):
            email = cleaned.get("email", "")
            user = get_user_model()(username=email, email=email, first_name=cleaned.get(self.name_field, ""))
            try:
                password_validation.validate_password(cleaned["password1"], user)
            except forms.ValidationError as error:
                self.add_error("password1", error)


class AccountRequestPage(TemplateView):
    """What the three pages of an app share: its URL namespace, which names its templates and its URLs."""

    app_name = None  # the app's URL namespace and template folder: "partners", "teachers"
    page = None  # "register", "sent", "confirmed"
    http_method_names = ["get", "head"]

    @staticmethod
    def confirmation_age():
        """The app's ``confirmation_age()``: how long a confirmation link works."""
        raise NotImplementedError

    def get_template_names(self):
        return [f"{self.app_name}/{self.page}.html"]

    def get_context_data(self, **kwargs):
        return {"register_url_name": f"{self.app_name}:register", **super().get_context_data(**kwargs)}


class RegisterView(AccountRequestPage):
    """The request form: a valid one is written by the app's ``accounts.register`` and the visitor sent on to «check
    your mail»; an invalid one comes back with its errors (400)."""

    page = "register"
    http_method_names = ["get", "head", "post"]
    form_class = None
    accounts = None  # the app's accounts module
    duplicate_field = None  # where the error goes when ``accounts.Duplicate`` is raised (None: the whole form)
    duplicate_message = None

    def get(self, request, *args, **kwargs):
        return self.show(self.form_class())

    def post(self, request, *args, **kwargs):
        self.accounts.forget_lapsed_requests()  # their addresses (and organisations) are free again
        form = self.form_class(request.POST)
        if form.is_valid():
            try:
                self.accounts.register(form)
            except self.accounts.Duplicate:
                form.add_error(self.duplicate_field, self.duplicate_message)
            else:
                return redirect(f"{self.app_name}:sent")
        return self.show(form)

    def show(self, form):
        context = self.get_context_data(
            form=form, password_rules=password_validators_help_texts(), days=self.confirmation_age().days
        )
        return self.render_to_response(context, status=400 if form.errors else 200)


class SentView(AccountRequestPage):
    """«Check your mail», after a request is written."""

    page = "sent"

    def get_context_data(self, **kwargs):
        return super().get_context_data(days=self.confirmation_age().days, **kwargs)


class ConfirmView(AccountRequestPage):
    """The link of the confirmation letter: the request is confirmed (or was already: «done»), or the link has
    expired (410) or is not the portal's (400). The request is in the context as ``context_object_name``."""

    page = "confirmed"
    accounts = None  # the app's accounts module
    context_object_name = None

    def get(self, request, token):
        try:
            account_request = self.accounts.confirm(token)
        except signing.SignatureExpired:
            return self.render_to_response(self.get_context_data(outcome="expired"), status=410)
        except signing.BadSignature:
            return self.render_to_response(self.get_context_data(outcome="invalid"), status=400)
        outcome = "confirmed" if account_request.status == RequestStatus.CONFIRMED else "done"
        return self.render_to_response(
            self.get_context_data(outcome=outcome, **{self.context_object_name: account_request})
        )
