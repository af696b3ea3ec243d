from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from budget.models import Allocation, BudgetSource, CabinetTarget, Disbursement, SpendingPlan


@admin.register(BudgetSource)
class BudgetSourceAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "display_order"]


@admin.register(Allocation)
class AllocationAdmin(SimpleHistoryAdmin):
    list_display = ["project", "source", "amount", "note"]
    list_filter = ["source", "project__group", "project__action_plan__fiscal_year"]
    search_fields = ["project__title", "project__code"]


@admin.register(SpendingPlan)
class SpendingPlanAdmin(SimpleHistoryAdmin):
    list_display = ["project", "quarter", "amount"]
    list_filter = ["quarter", "project__group"]
    search_fields = ["project__title", "project__code"]


@admin.register(Disbursement)
class DisbursementAdmin(SimpleHistoryAdmin):
    list_display = ["project", "date", "amount", "source", "reference", "recorded_by"]
    list_filter = ["source", "project__group", "date"]
    search_fields = ["project__title", "project__code", "reference"]
    date_hierarchy = "date"


@admin.register(CabinetTarget)
class CabinetTargetAdmin(SimpleHistoryAdmin):
    list_display = ["fiscal_year", "quarter", "cumulative_percent"]
    list_filter = ["fiscal_year"]
