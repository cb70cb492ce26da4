"""Everything the portal holds about a student (152-ФЗ, art. 14: the person's right to know what is processed), as
JSON-ready data, and the same data laid out for the readable PDF."""

import json

from django.utils import timezone
from wagtail import hooks


def everything(student):
    """The student's account, consents and résumé, as JSON-ready data, with what other apps keep of the student
    (the hook ``student_data``: a function of the student returning (key, data))."""
    user = student.account
    data = {
        "account": {
            "username": user.get_username(),
            "email": student.email,
            "full_name": student.full_name,
            "birth_date": student.birth_date.isoformat(),
            "occupation": student.occupation,
            "language": student.language,
            "registered_at": student.created_at.isoformat(),
            "email_confirmed_at": student.confirmed_at.isoformat() if student.confirmed_at else None,
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        "consents": [
            {
                "version": item.version,
                "text_sha256": item.digest,
                "given_at": item.given_at.isoformat(),
                "withdrawn_at": item.withdrawn_at.isoformat() if item.withdrawn_at else None,
            }
            for item in student.consents.order_by("given_at")
        ],
        "resume": resume_data(getattr(student, "resume", None)),
    }
    data.update(part(student) for part in hooks.get_hooks("student_data"))
    data["exported_at"] = timezone.now().isoformat()
    return data


def resume_data(resume):
    if resume is None:
        return None
    return {
        "visible": resume.visible,
        "professions": [card.title for card in resume.professions.order_by("title")],
        "position": resume.position,
        "district": resume.district.name if resume.district else None,
        "ready_to_move": resume.ready_to_move,
        "about": resume.about,
        "skills": resume.skills_list,
        "languages": resume.languages,
        "driving_licences": resume.driving_licences,
        "support_needs": resume.support_needs,
        "support_needs_shown": resume.support_needs_shown,
        "phone": resume.phone,
        "contact_email": resume.contact_email,
        "contacts_shown": resume.contacts_shown,
        "written_at": resume.created_at.isoformat(),
        "changed_at": resume.updated_at.isoformat(),
        "education": [
            {
                "organisation": row.organisation.name if row.organisation else row.organisation_name,
                "specialty": str(row.specialty) if row.specialty else row.specialty_name,
                "graduation_year": row.graduation_year,
            }
            for row in resume.education.select_related("organisation", "specialty")
        ],
        "views_by_employers": [
            {"organisation": view.organisation.name, "viewed_at": view.viewed_at.isoformat()}
            for view in resume.views.select_related("organisation").order_by("viewed_at")
        ],
        "invitations": [
            {
                "organisation": item.organisation.name,
                "vacancy": item.vacancy.title if item.vacancy else None,
                "message": item.message,
                "status": item.status,
                "sent_at": item.sent_at.isoformat(),
                "answered_at": item.answered_at.isoformat() if item.answered_at else None,
            }
            for item in resume.invitations.select_related("organisation", "vacancy").order_by("sent_at")
        ],
        "files": [
            {
                "kind": item.kind,
                "title": item.title,
                "name": item.original_name,
                "uploaded_at": item.uploaded_at.isoformat(),
            }
            for item in resume.files.all()
        ],
        "experience": [
            {
                "kind": row.kind,
                "title": row.title,
                "place": row.place,
                "period": row.period,
                "description": row.description,
            }
            for row in resume.experience.all()
        ],
    }


def pdf_context(data):
    """The export as sections of records of (field, text) for the readable PDF: every value of the JSON, under the
    same names, nested records as sections of their own («resume.education»)."""
    return {"sections": list(readable_sections(data)), "exported_at": data["exported_at"]}


def readable_sections(data, prefix=""):
    for key, value in data.items():
        title = prefix + key
        if isinstance(value, dict):
            yield title, [[(name, as_text(item)) for name, item in value.items() if not is_records(item)]]
            yield from readable_sections({name: item for name, item in value.items() if is_records(item)}, title + ".")
        elif is_records(value):
            yield title, [[(name, as_text(item)) for name, item in record.items()] for record in value]


def is_records(value):
    return isinstance(value, dict) or (isinstance(value, list) and any(isinstance(item, dict) for item in value))


def as_text(value):
    if value is None or value == [] or value == "":
        return "—"
    if isinstance(value, list):
        return ", ".join(as_text(item) for item in value)
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
