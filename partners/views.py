"""The public side of organisation accounts: the request form, «check your mail», the confirmation link."""

from django.contrib.auth.password_validation import password_validators_help_texts
from django.core import signing
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from portal.limits import limit

from . import accounts
from .forms import RegistrationForm
from .models import Status, confirmation_age


@require_http_methods(["GET", "HEAD", "POST"])
@limit("partner-registration")
def register(request):
    if request.method == "POST":
        accounts.forget_lapsed_requests()  # their organisations and addresses are free again
        form = RegistrationForm(request.POST)
        if form.is_valid():
            try:
                accounts.register(form)
            except accounts.Duplicate:
                form.add_error(None, RegistrationForm.duplicate_message)
            else:
                return redirect("partners:sent")
    else:
        form = RegistrationForm()
    context = {
        "form": form,
        "password_rules": password_validators_help_texts(),
        "days": confirmation_age().days,
    }
    return render(request, "partners/register.html", context, status=400 if form.errors else 200)


@require_safe
def sent(request):
    return render(request, "partners/sent.html", {"days": confirmation_age().days})


@require_safe
def confirm(request, token):
    try:
        organisation = accounts.confirm(token)
    except signing.SignatureExpired:
        return render(request, "partners/confirmed.html", {"outcome": "expired"}, status=410)
    except signing.BadSignature:
        return render(request, "partners/confirmed.html", {"outcome": "invalid"}, status=400)
    outcome = "confirmed" if organisation.status == Status.CONFIRMED else "done"
    return render(request, "partners/confirmed.html", {"outcome": outcome, "organisation": organisation})
