"""factory_boy factories of the projects app."""

import datetime as dt
from decimal import Decimal

import factory
from stdnum.cn import ric

from projects.choices import MovementKind, PartyRole, ProjectStatus
from projects.models import (
    AccountMovement,
    Attendance,
    Employment,
    PayrollBatch,
    PayrollLine,
    Project,
    ProjectParty,
    WageAccount,
    Worker,
)
from tests.factories import EnterpriseFactory, district


def id_number(n: int, region: str = "620102", born: str = "19850312") -> str:
    """A valid 18-character resident ID; n varies the sequence digits (and so the sex)."""
    first17 = f"{region}{born}{n % 1000:03d}"
    return first17 + ric.calc_check_digit(first17 + "0")  # stdnum wants a placeholder check digit


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project
        skip_postgeneration_save = True

    class Params:
        under_construction = factory.Trait(status=ProjectStatus.UNDER_CONSTRUCTION,
                                           actual_start_on=dt.date(2026, 1, 5))
        settled_long_ago = factory.Trait(status=ProjectStatus.WAGES_SETTLED, wages_settled_on=dt.date(2020, 6, 30))

    code = factory.Sequence(lambda n: f"LZ-2026-{n:05d}")
    name = factory.Sequence(lambda n: f"测试工程{n}号楼")
    district = factory.LazyFunction(lambda: district("620102"))
    address = "城关区测试路1号"
    client = factory.SubFactory(EnterpriseFactory, kind="client")
    general_contractor = factory.SubFactory(EnterpriseFactory)
    contract_amount = Decimal("12000000.00")
    contract_signed_on = dt.date(2026, 1, 1)
    wage_officer_name = "王劳资"
    wage_officer_phone = "13912345678"

    @factory.post_generation
    def parties(obj, create, extracted, **kwargs):
        """The client and general-contractor rows that the enterprise scope reads (services keep them)."""
        if create:
            ProjectParty.objects.get_or_create(project=obj, enterprise=obj.client, role=PartyRole.CLIENT)
            ProjectParty.objects.get_or_create(project=obj, enterprise=obj.general_contractor,
                                               role=PartyRole.GENERAL_CONTRACTOR)


class SubcontractFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProjectParty

    project = factory.SubFactory(ProjectFactory)
    enterprise = factory.SubFactory(EnterpriseFactory, kind="labour_subcontractor")
    role = PartyRole.SUBCONTRACTOR
    scope_of_work = "主体结构劳务"
    contract_amount = Decimal("3000000.00")


class WageAccountFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WageAccount

    project = factory.SubFactory(ProjectFactory)
    bank_name = "中国工商银行兰州城关支行"
    account_number = "2703001234567890123"
    opened_on = dt.date(2026, 1, 20)


class AccountMovementFactory(factory.django.DjangoModelFactory):
    """A labour-cost transfer from the client by default (kind=MovementKind.WAGE_PAYMENT for a debit)."""

    class Meta:
        model = AccountMovement

    account = factory.SubFactory(WageAccountFactory)
    kind = MovementKind.ALLOCATION
    amount = Decimal("100000.00")
    occurred_on = dt.date(2026, 3, 25)


class WorkerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Worker

    name = factory.Sequence(lambda n: f"工人{n}")
    id_number = factory.Sequence(lambda n: id_number(n + 1))
    phone = "13800001111"
    home_region = "甘肃省城关区"


class EmploymentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Employment

    class Params:
        compliant = factory.Trait(card_issued_on=dt.date(2026, 2, 10), card_held_by_worker=True, card_activated=True,
                                  wage_card_bank="工商银行", wage_card_number="6222021234567890123")

    project = factory.SubFactory(ProjectFactory)
    worker = factory.SubFactory(WorkerFactory)
    employer = factory.SelfAttribute("project.general_contractor")
    team = "钢筋班"
    trade = "钢筋工"
    entered_on = dt.date(2026, 2, 1)
    contract_signed_on = dt.date(2026, 1, 28)


class PayrollBatchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PayrollBatch

    project = factory.SubFactory(ProjectFactory)
    month = dt.date(2026, 3, 1)


class PayrollLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PayrollLine

    batch = factory.SubFactory(PayrollBatchFactory)
    employment = factory.SubFactory(EmploymentFactory, project=factory.SelfAttribute("..batch.project"))
    days_worked = Decimal("22.0")
    gross_pay = Decimal("6600.00")
    deductions = Decimal("100.00")
    net_pay = Decimal("6500.00")
    paid_amount = Decimal("6500.00")
    paid_on = dt.date(2026, 4, 15)
    bank_reference = factory.Sequence(lambda n: f"BR{n:08d}")
    worker_confirmed = True


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    employment = factory.SubFactory(EmploymentFactory)
    month = dt.date(2026, 3, 1)
    days_on_site = Decimal("22.0")
    source = "gate_import"
