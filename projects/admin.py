from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from projects.models import Activity, ActivityProgress, Indicator, IndicatorResult, Project, QuarterlyReport


class ActivityInline(admin.TabularInline):
    model = Activity
    extra = 0
    fields = ["display_order", "title", "parent", "planned_q1", "planned_q2", "planned_q3", "planned_q4",
              "added_mid_year"]


class IndicatorInline(admin.TabularInline):
    model = Indicator
    extra = 0


@admin.register(Project)
class ProjectAdmin(SimpleHistoryAdmin):
    list_display = ["code", "title", "group", "strategy", "added_mid_year", "cancelled"]
    list_filter = ["action_plan__office", "action_plan__fiscal_year", "group", "strategy", "added_mid_year",
                   "cancelled", "reported_to_national_system"]
    search_fields = ["code", "title", "owners__username", "owners__first_name"]
    filter_horizontal = ["owners", "alignment"]
    inlines = [ActivityInline, IndicatorInline]


@admin.register(Activity)
class ActivityAdmin(SimpleHistoryAdmin):
    list_display = ["title", "project", "display_order", "added_mid_year"]
    list_filter = ["added_mid_year", "project__group"]
    search_fields = ["title", "project__title", "project__code"]


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["text", "project", "target_value", "target_unit", "target_text"]
    search_fields = ["text", "project__title", "project__code"]


class ActivityProgressInline(admin.TabularInline):
    model = ActivityProgress
    extra = 0


class IndicatorResultInline(admin.TabularInline):
    model = IndicatorResult
    extra = 0


@admin.register(QuarterlyReport)
class QuarterlyReportAdmin(SimpleHistoryAdmin):
    list_display = ["project", "quarter", "status", "state", "spent_amount", "submitted_at", "reviewed_at"]
    list_filter = ["quarter", "status", "state", "project__group", "project__action_plan__fiscal_year"]
    search_fields = ["project__title", "project__code"]
    inlines = [ActivityProgressInline, IndicatorResultInline]


@admin.register(ActivityProgress)
class ActivityProgressAdmin(SimpleHistoryAdmin):
    list_display = ["report", "activity", "status"]
    list_filter = ["status"]


@admin.register(IndicatorResult)
class IndicatorResultAdmin(SimpleHistoryAdmin):
    list_display = ["report", "indicator", "value", "text", "achieved"]
    list_filter = ["achieved"]
