"""The student's pages: the registration form, «check your mail», the confirmation link, and the cabinet — what the
portal holds, the consent (given again for a new text, or withdrawn), the download of everything, the deletion."""

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View

from portal import account_request_pages as pages
from portal.limits import limit

from . import accounts, consent
from .forms import StudentAccountForm
from .models import StudentAccount, confirmation_age


class StudentPage:
    app_name = "resumes"
    confirmation_age = staticmethod(confirmation_age)


@method_decorator(limit("student-registration"), name="dispatch")
class RegisterView(StudentPage, pages.RegisterView):
    form_class = StudentAccountForm
    accounts = accounts
    duplicate_field = "email"
    duplicate_message = StudentAccountForm.taken_message

    def get_context_data(self, **kwargs):
        return super().get_context_data(consent_text=consent.render(), **kwargs)


class SentView(StudentPage, pages.SentView):
    pass


class ConfirmView(StudentPage, pages.ConfirmView):
    accounts = accounts
    context_object_name = "student"


class CabinetView(View):
    """The signed-in student's own page. Its forms post an ``action``: consent (to the current text), withdraw,
    export, delete (with the box «I understand» ticked)."""

    http_method_names = ["get", "head", "post"]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("wagtailcore_login"))
        self.student = StudentAccount.objects.filter(account=request.user).first()
        if self.student is None:
            return render(request, "resumes/not_a_student.html", status=403)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return self.show(request)

    def post(self, request):
        action = request.POST.get("action")
        student = self.student
        if action == "consent" and request.POST.get("consent") == "on":
            accounts.give_consent(student)
            messages.success(request, _("Thank you: your consent is recorded."))
        elif action == "withdraw":
            if accounts.withdraw(student):
                messages.success(request, _("Your consent is withdrawn. Nothing of yours is shown to anyone now."))
        elif action == "export":
            data = json.dumps(accounts.export(student), ensure_ascii=False, indent=2)
            response = HttpResponse(data, content_type="application/json; charset=utf-8")
            stamp = timezone.localdate().isoformat()
            response["Content-Disposition"] = f'attachment; filename="moi-dannye-{stamp}.json"'
            return response
        elif action == "delete":
            if request.POST.get("understood") != "on":
                return self.show(request, delete_error=_("Tick the box to confirm that you want everything deleted."))
            accounts.delete(student)
            logout(request)
            return render(request, "resumes/deleted.html")
        else:
            return self.show(request, consent_error=_("Tick the box to give your consent."), status=400)
        return redirect("resumes:cabinet")

    def show(self, request, status=None, **errors):
        student = self.student
        context = {
            "student": student,
            "consent_in_force": student.current_consent(),
            "needs_consent": accounts.needs_consent(student),
            "consent_text": consent.render(),
            "history": student.consents.order_by("-given_at"),
            "withdrawn_days": settings.STUDENT_WITHDRAWN_KEPT_DAYS,
            **errors,
        }
        return render(request, "resumes/cabinet.html", context, status=status or (400 if errors else 200))
