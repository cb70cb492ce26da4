"""The fair's page as visitors use it: everyone reads when and where, what is adapted and who takes part; a signed-in
student registers (with the consent in force), books interview slots and cancels them, all on the page itself."""

from urllib.parse import urlencode

from django.contrib import messages
from django.db.models import Count, Prefetch, Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from portal import locales
from resumes import accounts
from resumes.models import StudentAccount
from vacancies.listing import index_page_for as vacancy_index
from vacancies.models import Vacancy

from . import visits
from .forms import RegistrationForm, SlotField
from .models.booths import Booth, InterviewSlot
from .models.visits import Registration, SlotBooking

ACTIONS = ("register", "unregister", "book", "cancel")


def serve_fair(page, request):
    # An error report (a log line, a letter to the admins) lists none of what a visitor posted: what they need at
    # the fair may tell of their health (Django's sensitive_post_parameters, set here: the page's serve() is the view).
    request.sensitive_post_parameters = "__ALL__"
    fair = page.original()
    student = None
    if request.user.is_authenticated:
        student = StudentAccount.objects.filter(account=request.user).first()
    registration = Registration.objects.filter(fair=fair, student=student).first() if student else None
    form, status = RegistrationForm(instance=registration), 200
    if request.method == "POST":
        action = request.POST.get("action")
        if student is None or action not in ACTIONS:
            status = 403 if student is None else 400
            messages.error(request, _("Sign in with a student's account to register for the fair."))
        else:
            outcome = act(request, fair, student, registration, action)
            if outcome is None:
                return redirect(page.url + "#my-fair")
            form, status = outcome
    response = TemplateResponse(request, page.get_template(request), fair_context(page, fair, request, student, form))
    response.status_code = status
    if student is not None:
        add_never_cache_headers(response)
    return response


def act(request, fair, student, registration, action):
    """Do what the visitor's button asked; None when done (the page then reloads), else (form, status) to show."""
    if action == "register":
        form = RegistrationForm(request.POST, instance=registration)
        if not form.is_valid():
            return form, 400
        try:
            visits.register(fair, student, form.cleaned_data["needs"])
        except visits.Refused as refused:
            form.add_error(None, str(refused.message))
            return form, 400
        messages.success(request, _("You are registered for the fair. Now you can book interviews."))
        return None
    if registration is None:
        messages.error(request, _("Register for the fair first."))
        return RegistrationForm(), 400
    if action == "unregister":
        visits.unregister(registration)
        messages.success(request, _("Your registration and interviews are cancelled."))
        return None
    number = SlotField({"number": request.POST.get("number")})
    if not number.is_valid():
        messages.error(request, number.errors["number"][0])
        return RegistrationForm(instance=registration), 400
    if action == "book":
        try:
            booking = visits.book(number.cleaned_data["number"], registration)
        except visits.Refused as refused:
            messages.error(request, str(refused.message))
            return RegistrationForm(instance=registration), 409
        messages.success(
            request,
            _("The interview with %(employer)s is booked: %(time)s. A letter with the details is on its way.")
            % {"employer": booking.slot.booth.organisation.name, "time": local_time(booking.slot.starts_at)},
        )
        return None
    booking = SlotBooking.objects.filter(pk=number.cleaned_data["number"], registration=registration).first()
    if booking is None or not visits.cancel(booking):
        messages.error(request, _("This interview cannot be cancelled: it has begun, or is cancelled already."))
        return RegistrationForm(instance=registration), 409
    messages.success(request, _("The interview is cancelled."))
    return None


def local_time(moment):
    return timezone.localtime(moment).strftime("%d.%m.%Y %H:%M")


def booths_of(fair):
    """The fair's shown booths with their slots (each with ``left``) and listed vacancies: four queries in all."""
    slots = InterviewSlot.objects.annotate(
        taken=Count("bookings", filter=Q(bookings__cancelled_at__isnull=True))
    ).order_by("starts_at")
    booths = list(
        Booth.objects.shown()
        .filter(fair=fair)
        .select_related("organisation")
        .prefetch_related(
            Prefetch("slots", queryset=slots),
            Prefetch("vacancies", queryset=Vacancy.objects.listed().order_by("title")),
        )
    )
    for booth in booths:
        for slot in booth.slots.all():
            slot.left = max(slot.capacity - slot.taken, 0)
    return booths


def fair_context(page, fair, request, student, form):
    registration = bookings = None
    if student is not None:
        registration = Registration.objects.filter(fair=fair, student=student).first()
        if registration is not None:
            bookings = list(
                registration.bookings.filter(cancelled_at__isnull=True).select_related("slot__booth__organisation")
            )
    now = timezone.now()
    vacancies = vacancy_index(locales.content_language())
    return {
        **page.get_context(request),
        "fair": fair,
        "booths": booths_of(fair),
        "colleges": locales.localized(list(page.colleges.order_by("name"))),
        "district": locales.localized([page.district])[0] if page.district else None,
        "student": student,
        "needs_consent": accounts.needs_consent(student) if student else False,
        "registration": registration,
        "bookings": bookings,
        "booked_slots": {booking.slot_id for booking in bookings or []},
        "form": form,
        "now": now,
        "vacancy_index": vacancies,
        "login_url": f"{reverse('wagtailcore_login')}?{urlencode({'next': request.path})}",
    }
