"""The programmes in the admin: editors keep the catalogue («Дополнительное образование»)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList
from wagtail.admin.viewsets.model import ModelViewSet

from .models import ExtracurricularProgramme


class ProgrammeViewSet(ModelViewSet):
    model = ExtracurricularProgramme
    icon = "list-ul"
    menu_label = _("Additional education")
    menu_order = 160
    add_to_admin_menu = True
    edit_handler = ObjectList(ExtracurricularProgramme.panels)
    list_display = ["title_ru", "organisation", "district", "direction", "age_from", "age_to", "cost"]
    list_filter = ["direction", "cost", "district", "is_demonstration"]
    search_fields = ["title_ru", "organisation"]
    copy_view_enabled = False
    inspect_view_enabled = False
