from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from reports.models import Booklet, Publication


@admin.register(Booklet)
class BookletAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "document_number", "grouping", "digits", "updated_at"]
    list_filter = ["months", "action_plan__fiscal_year"]


@admin.register(Publication)
class PublicationAdmin(admin.ModelAdmin):
    # The stored PDF is immutable: a correction is a new publication.
    list_display = ["title", "document_number", "published_at", "published_by", "sha256"]
    readonly_fields = ["booklet", "document_number", "title", "sha256", "size", "published_by", "published_at"]
    exclude = ["pdf"]

    def has_change_permission(self, request, obj=None):
        return False
