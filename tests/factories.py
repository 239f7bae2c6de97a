"""factory_boy factories shared by the tests of every app."""

import factory
from stdnum.cn import uscc

from accounts.models import Department, DepartmentGrant, District, User
from enterprises.choices import EnterpriseKind
from enterprises.models import Contact, Enterprise
from kernel.roles import Role

PASSWORD = "Test-pass-2026"


def district(code: str) -> District:
    """One of the nine seeded districts (the data migration creates them in every test DB)."""
    return District.objects.get(code=code)


def credit_code(n: int, division: str = "620102") -> str:
    first17 = f"91{division}{n:08d}X"[:17]
    return first17 + uscc.calc_check_digit(first17)


class EnterpriseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enterprise

    credit_code = factory.Sequence(lambda n: credit_code(n + 500))
    name = factory.Sequence(lambda n: f"测试企业{n}有限公司")
    legal_representative = "张三"
    district = factory.LazyFunction(lambda: district("620102"))
    kind = EnterpriseKind.GENERAL_CONTRACTOR


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    enterprise = factory.SubFactory(EnterpriseFactory)
    name = "李四"
    position = "劳资专管员"
    phone = "13812345678"


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department
        django_get_or_create = ("code",)

    code = "zhujian"
    name = "市住房和城乡建设局"


class DepartmentGrantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DepartmentGrant

    department = factory.SubFactory(DepartmentFactory)
    resource = "enterprises.enterprise"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    name = factory.Sequence(lambda n: f"用户{n}")
    role = Role.INSPECTOR

    @factory.post_generation
    def password(obj, create, extracted, **kwargs):
        obj.set_password(extracted or PASSWORD)
        if create:
            obj.save()


# --- enterprises (issue 3) -------------------------------------------------------------------

def _now():
    from django.utils import timezone

    return timezone.now()


def _last_year(month, day):
    """A day in the evaluation period of this year's grading (the previous calendar year)."""
    import datetime

    from django.utils import timezone

    return datetime.date(timezone.localdate().year - 1, month, day)


class ViolationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "enterprises.Violation"

    class Params:
        serious = factory.Trait(c_trigger="refused_order")
        revoked_decision = factory.Trait(revoked=True)

    enterprise = factory.SubFactory(EnterpriseFactory)
    category = "wages"
    handling = "penalty"
    decided_on = factory.LazyFunction(lambda: _last_year(6, 1))
    description = "拖欠工资"


class CreditGradeFactory(factory.django.DjangoModelFactory):
    """A grade row for scoping tests; real grades come from enterprises.grading."""

    class Meta:
        model = "enterprises.CreditGrade"

    class Params:
        confirmed = factory.Trait(status="confirmed")

    enterprise = factory.SubFactory(EnterpriseFactory)
    grade = "A"
    proposed_grade = "A"
    status = "proposed"
    year = factory.LazyFunction(lambda: _last_year(1, 1).year + 1)
    proposed_at = factory.LazyFunction(lambda: _now())
