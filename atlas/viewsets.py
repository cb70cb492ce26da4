"""The profession cards as a flat listing in the admin (Wagtail's PageListingViewSet): filtered by sector, demand,
education level and status, and exported — with Wagtail's own «Download XLSX/CSV» of index views — as exactly the
cards the editor filtered, in the columns of the atlas import (``atlas.exchange.ProfessionResource``), so the file
can be edited and imported back. The export is only for those who may edit the atlas's cards."""

from django.core.exceptions import PermissionDenied
from django.db.models import prefetch_related_objects
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.ui.tables.pages import BulkActionsColumn, PageStatusColumn, PageTitleColumn
from wagtail.admin.views.pages.listing import IndexView
from wagtail.admin.viewsets.pages import PageListingViewSet

from portal.spreadsheets import csv_text

from .exchange import COLUMN_TEXTS, ProfessionResource, russian_atlas
from .models import ProfessionPage


def may_export_cards(user):
    """Whoever may edit the atlas's cards or add new ones (an import of the file needs the same)."""
    atlas = russian_atlas()
    if atlas is None or not user.is_active:
        return False
    tester = atlas.permissions_for_user(user)
    return tester.can_edit() or tester.can_add_subpage()


class CardIndexView(IndexView):
    """The listing; its spreadsheet is made by the import's resource, one row per filtered card."""

    # Wagtail's «Add %(model_name)s» puts the name in the nominative: «Добавить карточка профессии».
    add_item_label = _("Add a profession card")

    @cached_property
    def resource(self):
        return ProfessionResource(for_people=True)

    @cached_property
    def export_fields(self):
        fields = {field.column_name: field for field in self.resource.get_export_fields()}
        return [fields[key] for key in self.list_export]

    @cached_property
    def show_export_buttons(self):
        return may_export_cards(self.request.user)

    def get_filename(self):
        return "atlas-professions"

    def get_table(self, object_list):
        cards = list(object_list)
        prefetch_related_objects([card for card in cards if hasattr(card, "sector_id")], "sector")  # one query
        return super().get_table(cards)

    def as_spreadsheet(self, queryset, spreadsheet_format):
        if not self.show_export_buttons:
            raise PermissionDenied
        # The filtered cards, in the listing's order, read again with their links and lists: a fixed number of
        # queries whatever their number (the listing's own queryset defers the lists).
        order = [page.pk for page in queryset]
        position = {pk: index for index, pk in enumerate(order)}
        cards = sorted(self.resource.get_queryset().filter(pk__in=order), key=lambda card: position[card.pk])
        return super().as_spreadsheet(cards, spreadsheet_format)

    def to_row_dict(self, item):
        return dict(
            zip(
                self.list_export, (self.resource.export_field(field, item) for field in self.export_fields), strict=True
            )
        )

    def preprocess_field_value(self, field, value, export_format):
        if value is None:
            return ""
        if export_format == self.FORMAT_CSV:
            return csv_text(str(value))  # no text opens as a formula; the import takes the «'» off again
        return value if isinstance(value, int | float) else str(value)

    def stream_csv(self, queryset):
        yield "\ufeff"  # UTF-8 with a BOM: a Russian Excel reads the Cyrillic right
        yield from super().stream_csv(queryset)


class ProfessionCardViewSet(PageListingViewSet):
    model = ProfessionPage
    index_view_class = CardIndexView
    icon = "doc-full-inverse"
    menu_label = _("Profession cards")
    menu_order = 205
    add_to_admin_menu = True
    name = "profession_cards"
    columns = [
        BulkActionsColumn("bulk_actions"),
        PageTitleColumn("title", label=_("Title"), sort_key="title", classname="title"),
        Column("sector", label=_("Sector"), accessor="sector"),
        Column("demand_level", label=_("Demand in the krai"), accessor="get_demand_level_display"),
        Column("education_level", label=_("Education level"), accessor="get_education_level_display"),
        DateColumn(
            "updated", label=_("Updated"), accessor="latest_revision_created_at", sort_key="latest_revision_created_at"
        ),
        PageStatusColumn("status", label=_("Status"), sort_key="live"),
    ]
    list_filter = ["sector", "demand_level", "education_level", "live"]
    # The columns of the atlas import, under its Russian headings: the file imports back as it is.
    list_export = list(ProfessionResource._meta.export_order)
    export_headings = {key: COLUMN_TEXTS[key].heading for key in list_export}
