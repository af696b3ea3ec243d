from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from plans.models import (
    ActionPlan,
    AlignmentItem,
    DevelopmentPlan,
    FiscalYear,
    Group,
    Membership,
    Office,
    ReportingWindow,
    Strategy,
    StrategyIndicator,
    StrategyIndicatorTarget,
)


class GroupInline(admin.TabularInline):
    model = Group
    extra = 0


@admin.register(Office)
class OfficeAdmin(SimpleHistoryAdmin):
    list_display = ["name", "short_name", "phones", "website"]
    search_fields = ["name", "short_name"]
    inlines = [GroupInline]


@admin.register(Group)
class GroupAdmin(SimpleHistoryAdmin):
    list_display = ["name", "abbreviation", "short_name", "office", "display_order"]
    list_filter = ["office"]
    search_fields = ["name", "abbreviation", "short_name"]


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "office", "role", "group", "position"]
    list_filter = ["office", "role", "group"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "position"]
    autocomplete_fields = ["user"]


@admin.register(FiscalYear)
class FiscalYearAdmin(admin.ModelAdmin):
    list_display = ["be_year", "start_date", "end_date"]


class StrategyInline(admin.TabularInline):
    model = Strategy
    extra = 0


@admin.register(DevelopmentPlan)
class DevelopmentPlanAdmin(SimpleHistoryAdmin):
    list_display = ["title", "office", "first_be_year", "last_be_year"]
    list_filter = ["office"]
    search_fields = ["title"]
    inlines = [StrategyInline]


class StrategyIndicatorInline(admin.TabularInline):
    model = StrategyIndicator
    extra = 0


@admin.register(Strategy)
class StrategyAdmin(SimpleHistoryAdmin):
    list_display = ["number", "title", "development_plan"]
    list_filter = ["development_plan__office", "development_plan"]
    search_fields = ["title"]
    inlines = [StrategyIndicatorInline]


class StrategyIndicatorTargetInline(admin.TabularInline):
    model = StrategyIndicatorTarget
    extra = 0


@admin.register(StrategyIndicator)
class StrategyIndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["code", "text", "strategy", "kind", "unit"]
    list_filter = ["kind", "strategy__development_plan"]
    search_fields = ["text", "code"]
    inlines = [StrategyIndicatorTargetInline]


@admin.register(ActionPlan)
class ActionPlanAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "office", "fiscal_year", "development_plan"]
    list_filter = ["office", "fiscal_year"]


@admin.register(ReportingWindow)
class ReportingWindowAdmin(SimpleHistoryAdmin):
    list_display = ["action_plan", "quarter", "deadline", "opened_at", "closed_at"]
    list_filter = ["action_plan__office", "quarter"]


@admin.register(AlignmentItem)
class AlignmentItemAdmin(SimpleHistoryAdmin):
    list_display = ["kind", "code", "title", "parent", "be_year"]
    list_filter = ["kind", "be_year"]
    search_fields = ["title", "code"]
