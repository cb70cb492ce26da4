"""The public side of teachers' accounts: the request form, «check your mail», the confirmation link."""

from django.contrib.auth.password_validation import password_validators_help_texts
from django.core import signing
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from portal.limits import limit

from . import accounts
from .forms import TeacherRequestForm
from .models import Status, confirmation_age, rejected_kept


@require_http_methods(["GET", "HEAD", "POST"])
@limit("teacher-registration")
def register(request):
    if request.method == "POST":
        accounts.forget_lapsed_requests()  # their addresses are free again
        form = TeacherRequestForm(request.POST)
        if form.is_valid():
            try:
                accounts.register(form)
            except accounts.Duplicate:
                form.add_error("email", TeacherRequestForm.taken_message)
            else:
                return redirect("teachers:sent")
    else:
        form = TeacherRequestForm()
    context = {
        "form": form,
        "password_rules": password_validators_help_texts(),
        "days": confirmation_age().days,
        "kept_days": rejected_kept().days,
    }
    return render(request, "teachers/register.html", context, status=400 if form.errors else 200)


@require_safe
def sent(request):
    return render(request, "teachers/sent.html", {"days": confirmation_age().days})


@require_safe
def confirm(request, token):
    try:
        teacher = accounts.confirm(token)
    except signing.SignatureExpired:
        return render(request, "teachers/confirmed.html", {"outcome": "expired"}, status=410)
    except signing.BadSignature:
        return render(request, "teachers/confirmed.html", {"outcome": "invalid"}, status=400)
    outcome = "confirmed" if teacher.status == Status.CONFIRMED else "done"
    return render(request, "teachers/confirmed.html", {"outcome": outcome, "teacher": teacher})
