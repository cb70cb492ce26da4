"""What the weekly check of external links found (editorial.links): one row per address a live page gives."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LinkCheck(models.Model):
    url = models.URLField(_("address"), max_length=2000)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )
    status = models.PositiveSmallIntegerField(_("answer"), null=True, blank=True)  # the HTTP status, if any came
    error = models.CharField(_("error"), max_length=300, blank=True)
    broken = models.BooleanField(_("broken"), default=False, db_index=True)
    checked_at = models.DateTimeField(_("checked"))

    class Meta:
        verbose_name = _("external link")
        verbose_name_plural = _("external links")
        constraints = [models.UniqueConstraint(fields=["url", "page"], name="one_check_per_link_and_page")]

    def __str__(self):
        return self.url

    @property
    def problem(self):
        return self.error or (str(self.status) if self.status else "")
