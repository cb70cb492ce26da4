"""The student's pages: the registration form, «check your mail», the confirmation link, and the cabinet — what the
portal holds, the consent (given again for a new text, or withdrawn), the download of everything, the deletion."""

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.db import IntegrityError, transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.debug import sensitive_post_parameters
from wagtail import hooks

from portal import account_request_pages as pages
from portal import locales
from portal.limits import limit
from portal.pdf import render_pdf

from . import accounts, consent, employers, export, files, guide
from .files import ResumeFileForm
from .forms import StudentAccountForm
from .models import Resume, ResumeFile, StudentAccount, confirmation_age
from .resume_forms import EducationFormSet, ExperienceFormSet, ResumeForm

LOOKS_SHOWN = 50  # the newest looks at the résumé listed in the cabinet (all of them are in the export)


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


# An error report (a log line, a letter to the admins) lists none of what a student posted: it is personal data.
@method_decorator(sensitive_post_parameters(), name="dispatch")
class StudentView(View):
    """A page of the signed-in student's own: others are sent to sign in, or told it is not their kind of account."""

    http_method_names = ["get", "head", "post"]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("wagtailcore_login"))
        self.student = StudentAccount.objects.filter(account=request.user).first()
        if self.student is None:
            return render(request, "resumes/not_a_student.html", status=403)
        return super().dispatch(request, *args, **kwargs)


class CabinetView(StudentView):
    """The signed-in student's own page. Its forms post an ``action``: consent (to the current text), withdraw,
    export (JSON or PDF), delete (with the box «I understand» ticked)."""

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
            data = json.dumps(export.everything(student), ensure_ascii=False, indent=2)
            response = HttpResponse(data, content_type="application/json; charset=utf-8")
            stamp = timezone.localdate().isoformat()
            response["Content-Disposition"] = f'attachment; filename="moi-dannye-{stamp}.json"'
            return response
        elif action == "export-pdf":
            return render_pdf(
                request,
                "resumes/export_pdf.html",
                export.pdf_context(export.everything(student)),
                title=_("What the portal keeps about %(name)s") % {"name": student.full_name},
                filename=f"moi-dannye-{timezone.localdate().isoformat()}.pdf",
            )
        elif action in ("accept", "decline"):
            number = request.POST.get("invitation", "")
            if employers.answer(student, int(number) if number.isdigit() else None, action == "accept") is None:
                messages.error(request, _("This invitation has been answered already."))
            elif action == "accept":
                messages.success(request, _("You accepted the invitation: the employer now sees your contacts."))
            else:
                messages.success(request, _("You declined the invitation."))
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
        resume = Resume.objects.filter(student=student).first()
        education = list(resume.education.all()) if resume else []
        experience = list(resume.experience.all()) if resume else []
        context = {
            "resume": resume,
            "views": list(resume.views.select_related("organisation")[:LOOKS_SHOWN]) if resume else [],
            "looks": resume.views.count() if resume else 0,
            "invitations": list(resume.invitations.select_related("organisation", "vacancy")) if resume else [],
            "missing": guide.missing(resume, education, experience),
            "student": student,
            "consent_in_force": student.current_consent(),
            "needs_consent": accounts.needs_consent(student),
            "consent_text": consent.render(),
            "history": student.consents.order_by("-given_at"),
            "withdrawn_days": settings.STUDENT_WITHDRAWN_KEPT_DAYS,
            # What other apps keep of the student (fairs), each a block of HTML: the hook ``student_cabinet_sections``.
            "sections": [block(request, student) for block in hooks.get_hooks("student_cabinet_sections")],
            **errors,
        }
        return render(request, "resumes/cabinet.html", context, status=status or (400 if errors else 200))


class ResumeEditView(StudentView):
    """The guided résumé form: the résumé and its rows of education and experience, saved together or not at all.
    ``?version=easy`` shows the easy-read hints. Only with a consent to the current text in force: without it the
    portal may not process the data."""

    def setup_forms(self, data=None):
        resume = Resume.objects.filter(student=self.student).first() or Resume(
            student=self.student, contact_email=self.student.email
        )
        return (
            resume,
            ResumeForm(data, instance=resume),
            EducationFormSet(data, instance=resume, prefix="education"),
            ExperienceFormSet(data, instance=resume, prefix="experience"),
        )

    def get(self, request):
        if accounts.needs_consent(self.student):
            return redirect("resumes:cabinet")
        return self.show(request, *self.setup_forms())

    def post(self, request):
        if accounts.needs_consent(self.student):
            return redirect("resumes:cabinet")
        resume, form, education, experience = self.setup_forms(request.POST)
        if not (form.is_valid() and education.is_valid() and experience.is_valid()):
            return self.show(request, resume, form, education, experience, status=400)
        try:
            with transaction.atomic():
                resume = form.save()
                education.instance = experience.instance = resume
                education.save()
                experience.save()
        except IntegrityError:  # the first résumé saved twice at once (a double click): the other save won
            messages.error(request, _("The résumé was saved a moment ago from another tab or click: check it here."))
            return redirect("resumes:resume")
        messages.success(request, _("The résumé is saved."))
        return redirect(reverse("resumes:resume") + ("?version=easy" if self.easy(request) else ""))

    @staticmethod
    def easy(request):
        return (request.GET.get("version") or request.POST.get("version")) == "easy"

    def show(self, request, resume, form, education, experience, status=200):
        easy = self.easy(request)
        context = {
            "resume": resume,
            "form": form,
            "education": education,
            "experience": experience,
            "formsets": (education, experience),
            "hints": guide.hints("easy" if easy else "plain"),
            "easy": easy,
        }
        return render(request, "resumes/resume_form.html", context, status=status)


class ResumeFilesView(StudentView):
    """The résumé's photo and certificates: the list, the upload form (POST ``action=upload``, multipart) and the
    removal of one (``action=remove``). Only with a résumé and a consent to the current text in force."""

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        add_never_cache_headers(response)
        return response

    def get(self, request):
        resume = self.resume()
        if resume is None:
            return redirect("resumes:resume" if not accounts.needs_consent(self.student) else "resumes:cabinet")
        return self.show(request, resume, ResumeFileForm(resume=resume))

    def post(self, request):
        resume = self.resume()
        if resume is None:
            return redirect("resumes:cabinet")
        if request.POST.get("action") == "remove":
            number = request.POST.get("file", "")
            found = resume.files.filter(pk=int(number)).first() if number.isdigit() else None
            if found is None:
                messages.error(request, _("This file has been removed already."))
            else:
                found.delete()
                messages.success(request, _("The file is removed."))
            return redirect("resumes:files")
        form = ResumeFileForm(request.POST, request.FILES, resume=resume)
        if not form.is_valid():
            return self.show(request, resume, form, status=400)
        files.save(resume, form)
        messages.success(request, _("The file is added to the résumé."))
        return redirect("resumes:files")

    def resume(self):
        if accounts.needs_consent(self.student):
            return None
        return Resume.objects.filter(student=self.student).first()

    def show(self, request, resume, form, status=200):
        context = {"resume": resume, "form": form, "files": list(resume.files.all()), "limit": files.MAX_CERTIFICATES}
        return render(request, "resumes/resume_files.html", context, status=status)


class ResumeFileView(StudentView):
    """One of the student's own files (anyone else's is not found)."""

    http_method_names = ["get", "head"]

    def get(self, request, pk):
        return files.serve(get_object_or_404(ResumeFile, pk=pk, resume__student=self.student))


class ResumePdfView(StudentView):
    """The student's résumé as a tagged PDF, as an employer would read it (with the contacts)."""

    http_method_names = ["get", "head"]

    def get(self, request):
        resume = get_object_or_404(Resume.objects.select_related("district"), student=self.student)
        return render_pdf(
            request,
            "resumes/resume_pdf.html",
            resume_context(resume, contacts=True),
            title=_("Résumé: %(name)s") % {"name": self.student.full_name},
            filename=f"reziume-{timezone.localdate().isoformat()}.pdf",
        )


def resume_context(resume, *, contacts):
    """What a résumé's page and PDF show; ``contacts`` whether the reader may see the phone and e-mail."""
    return {
        "resume": resume,
        "student": resume.student,
        "professions": locales.localized(resume.professions.order_by("title")),
        "district": locales.localized([resume.district])[0] if resume.district else None,
        "education": education_rows(resume),
        "experience": list(resume.experience.all()),
        "files": list(resume.files.all()) if resume.pk else [],
        "contacts": contacts,
    }


def education_rows(resume):
    """The résumé's education, each row with ``place`` and ``specialty_shown``: the atlas names in the visitor's
    language, or the words the person wrote."""
    rows = list(resume.education.select_related("organisation", "specialty"))
    for row in rows:
        row.place = locales.localized([row.organisation])[0].name if row.organisation else row.organisation_name
        row.specialty_shown = str(locales.localized([row.specialty])[0]) if row.specialty else row.specialty_name
    return rows
