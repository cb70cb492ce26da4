"""A mistake a visitor pointed out on a page: the text they selected, where, and what they said about it."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..forms import ADDRESS_MAX, COMMENT_MAX, SELECTED_MAX


class ErrorReport(models.Model):
    """A report sent from the «Нашли ошибку?» dialog (Ctrl+Enter on a selected text). Nothing about the sender is
    kept; the report is deleted FEEDBACK_KEPT_DAYS days after it was sent (manage.py forget_feedback, daily)."""

    page_address = models.CharField(_("page address"), max_length=ADDRESS_MAX)
    selected_text = models.TextField(_("selected text"), max_length=SELECTED_MAX)
    comment = models.TextField(_("comment"), max_length=COMMENT_MAX, blank=True)
    language = models.CharField(_("language"), max_length=10)
    created_at = models.DateTimeField(_("sent"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("mistake report")
        verbose_name_plural = _("mistake reports")

    def __str__(self):
        return f"{self.page_address}: {self.selected_text[:60]}"
