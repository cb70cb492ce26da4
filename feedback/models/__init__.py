from .pages import ContactsPage, FeedbackFormField, FeedbackFormPage
from .reports import ErrorReport

__all__ = ["ContactsPage", "ErrorReport", "FeedbackFormField", "FeedbackFormPage"]
