"""One place to build test data. Factories make the smallest valid object; tests say what matters."""

import datetime
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model

from budget.models import Allocation, BudgetSource, CabinetTarget, Disbursement, SpendingPlan
from plans.models import ActionPlan, DevelopmentPlan, FiscalYear, Group, Membership, Office, Role, Strategy
from projects.models import Activity, Indicator, Project, QuarterlyReport


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Sequence(lambda n: f"ผู้ใช้{n}")
    password = factory.django.Password("demo")


class OfficeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Office

    name = factory.Sequence(lambda n: f"สำนักงานเขตพื้นที่การศึกษาทดสอบ {n}")
    short_name = factory.Sequence(lambda n: f"สพป.ทดสอบ{n}")


class GroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Group

    office = factory.SubFactory(OfficeFactory)
    name = factory.Sequence(lambda n: f"กลุ่มทดสอบ {n}")
    short_name = factory.Sequence(lambda n: f"ทดสอบ {n}")
    abbreviation = factory.Sequence(lambda n: f"กท{n}.")
    display_order = factory.Sequence(lambda n: n)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    office = factory.SubFactory(OfficeFactory)
    role = Role.STAFF


def fiscal_year(be_year=2567):
    return FiscalYear.objects.get_or_create(be_year=be_year)[0]


class DevelopmentPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DevelopmentPlan

    office = factory.SubFactory(OfficeFactory)
    title = "แผนพัฒนาการศึกษา"
    first_be_year = 2566
    last_be_year = 2570


class StrategyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Strategy

    development_plan = factory.SubFactory(DevelopmentPlanFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"กลยุทธ์ทดสอบ {n}")


class ActionPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionPlan

    office = factory.SubFactory(OfficeFactory)
    fiscal_year = factory.LazyFunction(fiscal_year)
    development_plan = factory.SubFactory(DevelopmentPlanFactory, office=factory.SelfAttribute("..office"))


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project
        skip_postgeneration_save = True

    action_plan = factory.SubFactory(ActionPlanFactory)
    code = factory.Sequence(lambda n: f"P{n:03d}")
    title = factory.Sequence(lambda n: f"โครงการทดสอบ {n}")
    strategy = factory.SubFactory(
        StrategyFactory, development_plan=factory.SelfAttribute("..action_plan.development_plan")
    )
    group = factory.SubFactory(GroupFactory, office=factory.SelfAttribute("..action_plan.office"))

    @factory.post_generation
    def owners(self, create, extracted, **kwargs):
        if create and extracted:
            self.owners.set(extracted)


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    project = factory.SubFactory(ProjectFactory)
    title = factory.Sequence(lambda n: f"กิจกรรมที่ {n}")
    display_order = factory.Sequence(lambda n: n)


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    project = factory.SubFactory(ProjectFactory)
    text = factory.Sequence(lambda n: f"ตัวชี้วัดที่ {n}")
    target_value = Decimal("80")
    target_unit = "ร้อยละ"


class QuarterlyReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuarterlyReport

    project = factory.SubFactory(ProjectFactory)
    quarter = 1


def budget_source(code):
    """The sources are reference data created by a migration: office, obec, other."""
    return BudgetSource.objects.get(code=code)


class AllocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Allocation

    project = factory.SubFactory(ProjectFactory)
    source = factory.LazyFunction(lambda: budget_source("office"))
    amount = Decimal("10000.00")


class SpendingPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SpendingPlan

    project = factory.SubFactory(ProjectFactory)
    quarter = 1
    amount = Decimal("5000.00")


class DisbursementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Disbursement

    project = factory.SubFactory(ProjectFactory)
    date = datetime.date(2023, 11, 15)
    amount = Decimal("1000.00")


class CabinetTargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CabinetTarget

    fiscal_year = factory.LazyFunction(fiscal_year)
    quarter = 1
    cumulative_percent = Decimal("30.00")
