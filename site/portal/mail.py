"""E-mail the portal sends, handed to the task queue: no web request waits for a mail server, and a message queued in
a transaction that rolls back is never sent (the queue lives in the same database).

The "default" queue takes it, beside the search index updates: both are small and must not wait behind the long
builds and imports of the "long" queue, and one more kind of small task needs no third worker to run
(``EMAIL_TIMEOUT`` bounds how long a dead mail server can hold that worker).
"""

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task


@task()
def send_message(subject, body, recipients):
    """Send one plain-text message (in the worker, through ``EMAIL_BACKEND``); returns how many were sent."""
    return send_mail(subject, body, None, recipients, fail_silently=False)


def queue_message(subject, body, recipients):
    """Queue a plain-text message to ``recipients`` for the worker to send."""
    return send_message.enqueue(str(subject), str(body), list(recipients))


def queue_letter(template, context, recipient, language):
    """Queue the letter of ``template`` (plain text, its first line the subject) to ``recipient``, written in
    ``language`` (the one the person used on the site, not the editor's who set it off)."""
    with translation.override(language):
        text = render_to_string(template, context)
    subject, _newline, body = text.strip().partition("\n")
    return queue_message(subject.strip(), body.strip() + "\n", [recipient])
