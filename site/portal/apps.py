from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Портал"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.documents.models import document_served
        from wagtail.models import PageViewRestriction
        from wagtail.signals import page_published

        from portal import content_version
        from portal.builds import queue_on_publish
        from portal.documents import count_download

        document_served.connect(count_download, dispatch_uid="portal.count_download")
        page_published.connect(queue_on_publish, dispatch_uid="portal.builds.queue_on_publish")
        content_version.connect()
        # Private sections are cached (portal.lookups): a new or removed restriction moves the version.
        content_version.track(PageViewRestriction)
