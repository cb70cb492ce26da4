"""The student's fairs where the student looks at what the portal keeps: a block in the cabinet and a part of the
download of everything (152-ФЗ, art. 14). Called through the hooks ``student_cabinet_sections`` and
``student_data`` of ``resumes``, which knows nothing of fairs."""

from django.template.loader import render_to_string

from .models.visits import Registration


def registrations(student):
    return list(
        Registration.objects.filter(student=student)
        .select_related("fair")
        .prefetch_related("bookings__slot__booth__organisation")
        .order_by("-fair__starts_on")
    )


def cabinet_block(request, student):
    return render_to_string("fairs/includes/cabinet.html", {"registrations": registrations(student)}, request=request)


def export(student):
    """("fairs", [registration with its bookings]) for the JSON and the PDF."""
    return "fairs", [
        {
            "fair": item.fair.title,
            "first_day": item.fair.starts_on.isoformat(),
            "needs": item.needs,
            "registered_at": item.created_at.isoformat(),
            "interviews": [
                {
                    "organisation": booking.slot.booth.organisation.name,
                    "starts_at": booking.slot.starts_at.isoformat(),
                    "booked_at": booking.created_at.isoformat(),
                    "cancelled_at": booking.cancelled_at.isoformat() if booking.cancelled_at else None,
                    "reminder_sent_at": booking.reminder_sent_at.isoformat() if booking.reminder_sent_at else None,
                }
                for booking in item.bookings.all()
            ],
        }
        for item in registrations(student)
    ]
