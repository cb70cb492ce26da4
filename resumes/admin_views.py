"""The verified employer's pages in the admin: the search of résumés, and a résumé — its look recorded, the contacts
when the owner allows, and the invitation. Anybody else gets 403; a résumé that is not shown (or never was) is 404,
whatever its id."""

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.debug import sensitive_post_parameters

from vacancies.models import Vacancy

from . import employers, files, search
from .models import Invitation, Resume, ResumeFile
from .views import resume_context


def search_view(request):
    employers.employer_required(request.user)
    form = search.ResumeFilterForm(request.GET)  # bound even when empty: no filter is a valid search
    resumes, counts = search.search(form)
    search.label_with_counts(form, counts)
    page = Paginator(resumes, search.PER_PAGE).get_page(request.GET.get("p"))
    query = request.GET.copy()
    query.pop("p", None)
    return TemplateResponse(
        request,
        "resumes/admin/search.html",
        {"form": form, "page": page, "query": query.urlencode(), "total": page.paginator.count},
    )


class InvitationForm(forms.Form):
    vacancy = forms.ModelChoiceField(
        label=gettext_lazy("Vacancy to offer"),
        queryset=Vacancy.objects.none(),
        required=False,
        empty_label=gettext_lazy("— a message only —"),
    )
    message = forms.CharField(
        label=gettext_lazy("Your message"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("What you offer and how to reach you: a trial day, an interview, a practice placement."),
    )

    def __init__(self, organisation, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["vacancy"].queryset = Vacancy.objects.listed().filter(organisation=organisation).order_by("title")
        self.fields["vacancy"].error_messages["invalid_choice"] = gettext_lazy("Choose one of your open vacancies.")

    def clean(self):
        data = super().clean()
        if not data.get("vacancy") and not (data.get("message") or "").strip() and not self.errors:
            raise forms.ValidationError(gettext_lazy("Choose a vacancy or write a message."))
        return data


@sensitive_post_parameters()  # the invitation's message stays out of error reports
def resume_file(request, pk, file_pk):
    """A photo or certificate of a résumé the employer may see now (anything else is not found)."""
    employers.employer_required(request.user)
    return files.serve(get_object_or_404(ResumeFile, pk=file_pk, resume__in=Resume.objects.shown().filter(pk=pk)))


def resume_view(request, pk):
    organisation = employers.employer_required(request.user)
    resume = get_object_or_404(Resume.objects.shown().select_related("district", "student"), pk=pk)
    form = InvitationForm(organisation, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            employers.invite(resume, organisation, **form.cleaned_data)
        except employers.AlreadyWaiting:
            form.add_error(None, _("Your earlier invitation still awaits the answer."))
        else:
            messages.success(request, _("The invitation is sent. You get a letter when it is answered."))
            return redirect("resumes_admin:resume", pk=resume.pk)
    if request.method != "POST":
        employers.look_at(resume, organisation)
    context = resume_context(resume, contacts=employers.contacts_visible(resume, organisation))
    context.update(
        form=form,
        invitations=Invitation.objects.filter(resume=resume, organisation=organisation).select_related("vacancy"),
    )
    return TemplateResponse(request, "resumes/admin/resume.html", context, status=400 if form.errors else 200)
