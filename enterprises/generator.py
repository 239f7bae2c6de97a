"""Realistic synthetic employers for the demo and for scale tests (35,000 like Lanzhou).

Everything here is set-based: enterprises, their violations and timeline entries are bulk-created;
grades are then proposed and confirmed through enterprises.grading, never written directly.
"""

import datetime as dt
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history
from stdnum.cn import uscc

from accounts.models import District

from . import grading
from .choices import CTrigger, EnterpriseKind, Grade, Handling, Industry, TimelineKind, ViolationCategory
from .models import CreditGrade, Enterprise, Violation
from .timeline import build_entry, save_entries

# Lanzhou, 2024 (issue 3): 35,000 employers on file; 4,176 graded A, 3,197 B and 104 C.
LANZHOU_TOTAL = 35_000
LANZHOU_GRADES = {Grade.A: 4176, Grade.B: 3197, Grade.C: 104}

_BRAND_1 = list("金银华鸿泰恒瑞祥安康盛隆兴宏达丰源景博骏嘉信德润海天正中新永宝通")
_BRAND_2 = list("城陇河泰源达盛丰华宇辰晟鑫信诚远通安建邦业创联合力方圆明远峰川")
_PREFIXES = ["兰州", "甘肃", "兰州新区", ""]
_TRADES = {
    Industry.E: ["建设工程", "建筑安装工程", "建筑劳务", "路桥工程", "市政工程", "装饰工程", "水利水电工程",
                 "钢结构工程", "园林绿化工程", "机电安装工程"],
    Industry.C: ["机械制造", "食品", "化工", "新材料", "电子科技", "铝业", "制药", "服装"],
    Industry.F: ["商贸", "百货", "物资", "农产品"],
    Industry.H: ["餐饮管理", "酒店管理", "牛肉面餐饮"],
    Industry.K: ["房地产开发", "物业管理", "置业"],
    Industry.G: ["物流", "运输", "仓储"],
    Industry.L: ["人力资源", "保安服务", "劳务派遣"],
    Industry.I: ["软件科技", "信息技术"],
    Industry.A: ["农业发展", "生态农业", "种养殖"],
    Industry.N: ["环境工程", "水务"],
}
_INDUSTRY_WEIGHTS = {Industry.E: 30, Industry.C: 15, Industry.F: 15, Industry.H: 10, Industry.K: 6,
                     Industry.G: 6, Industry.L: 8, Industry.I: 4, Industry.A: 3, Industry.N: 3}
_STREETS = ["路", "街", "大道"]
_SUFFIXES = ["有限公司", "有限公司", "有限公司", "有限责任公司", "股份有限公司"]
_SURNAMES = list("王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程")
_GIVEN = list("建国军华明强伟平刚勇杰涛斌辉鹏磊敏静丽娟霞燕红梅玉兰芳海波宁")
_C_TRIGGERS = [CTrigger.MASS_INCIDENT, CTrigger.REFUSED_ORDER, CTrigger.OBSTRUCTED, CTrigger.CRIMINAL,
               CTrigger.CHILD_LABOUR, CTrigger.FORCED_LABOUR]

# Serials for generated codes start high, clear of the hand-written demo and test codes.
SERIAL_OFFSET = 10_000_000


def credit_code(division: str, serial: int) -> str:
    """A well-formed code: 91 (company) + division + 8-digit serial + X, then the GB 32100 check digit."""
    first17 = f"91{division}{serial:08d}X"
    return first17 + uscc.calc_check_digit(first17)


def _kind(industry, rng):
    if industry == Industry.E:
        return rng.choice([EnterpriseKind.GENERAL_CONTRACTOR, EnterpriseKind.GENERAL_CONTRACTOR,
                           EnterpriseKind.SPECIALIST_SUBCONTRACTOR, EnterpriseKind.LABOUR_SUBCONTRACTOR])
    if industry == Industry.K:
        return EnterpriseKind.CLIENT
    return EnterpriseKind.OTHER


def build_enterprises(count: int, *, seed: int = 2026, start_serial: int = SERIAL_OFFSET) -> list[Enterprise]:
    """`count` unsaved enterprises spread over the districts by population."""
    rng = random.Random(seed)
    districts = list(District.objects.all())
    weights = [d.population or 100_000 for d in districts]
    industries, industry_weights = zip(*_INDUSTRY_WEIGHTS.items(), strict=True)
    result = []
    for n in range(count):
        district = rng.choices(districts, weights)[0]
        industry = rng.choices(industries, industry_weights)[0]
        prefix = rng.choice(_PREFIXES + [district.name.rstrip("区县")])
        name = f"{prefix}{rng.choice(_BRAND_1)}{rng.choice(_BRAND_2)}{rng.choice(_TRADES[industry])}" \
               f"{rng.choice(_SUFFIXES)}"
        employees = int(rng.lognormvariate(3.6, 1.0)) + 3
        result.append(Enterprise(
            credit_code=credit_code(district.code, start_serial + n), name=name, district=district,
            legal_representative=rng.choice(_SURNAMES) + rng.choice(_GIVEN) + rng.choice(["", *_GIVEN]),
            address=f"{district.name}{rng.choice(_BRAND_1)}{rng.choice(_BRAND_2)}{rng.choice(_STREETS)}"
                    f"{rng.randint(1, 999)}号",
            industry=industry, kind=_kind(industry, rng), employee_count=employees,
            insured_count=int(employees * rng.uniform(0.6, 1.0)),
            registered_capital=Decimal(rng.choice([50, 100, 200, 500, 1000, 2000, 5000, 10000])),
            state_owned=rng.random() < 0.05,
        ))
    return result


def grade_mix(count: int) -> dict:
    """The Lanzhou share of A, B and C for `count` enterprises (the rest are not graded yet); a sample
    of a hundred or more keeps at least one C so that every grade shows up."""
    mix = {grade: round(count * n / LANZHOU_TOTAL) for grade, n in LANZHOU_GRADES.items()}
    if count >= 100:
        mix[Grade.C] = max(mix[Grade.C], 1)
    return mix


def record_violations_for(targets: dict, year: int, *, seed: int = 2026) -> int:
    """Violation records in the evaluation period that make the grading arrive at each target grade:
    B, one penalty or handling decision; C, a serious circumstance or three decisions."""
    rng = random.Random(seed)
    start, _end = grading.evaluation_period(year)
    categories = [ViolationCategory.WAGES] * 4 + list(ViolationCategory)
    rows = []
    for index, (enterprise, grade) in enumerate(targets.items()):
        if grade == Grade.A:
            continue
        repeats = 3 if grade == Grade.C and index % 4 == 0 else 1
        for k in range(repeats):
            trigger = _C_TRIGGERS[index % len(_C_TRIGGERS)] if grade == Grade.C and repeats == 1 else ""
            rows.append(Violation(
                enterprise=enterprise, category=rng.choice(categories),
                handling=rng.choice([Handling.PENALTY, Handling.HANDLING_DECISION]),
                decided_on=start + dt.timedelta(days=rng.randint(0, 360)),
                decision_number=f"兰人社监罚字〔{year - 1}〕{index * 3 + k + 1}号",
                description="拖欠劳动者工资，经责令限期改正。", c_trigger=trigger,
                fine_amount=Decimal(rng.choice([2000, 5000, 10000, 20000])),
            ))
    bulk_create_with_history(rows, Violation, batch_size=2000)
    return len(rows)


@transaction.atomic
def generate(count: int, *, year: int | None = None, actor, seed: int = 2026, start_serial: int = SERIAL_OFFSET,
             stdout=None) -> dict:
    """Create `count` enterprises with the Lanzhou grade mix: registered, violations recorded, grades
    proposed and confirmed by `actor` through the grading service."""
    year = year or timezone.localdate().year
    enterprises = build_enterprises(count, seed=seed, start_serial=start_serial)
    bulk_create_with_history(enterprises, Enterprise, batch_size=2000, default_user=actor,
                             default_change_reason="generated")
    now = timezone.now()
    save_entries([build_entry(e, TimelineKind.REGISTERED, "企业档案建立", occurred_at=now) for e in enterprises])
    rng = random.Random(seed + 1)
    graded = rng.sample(enterprises, sum(grade_mix(count).values()))
    targets, cursor = {}, 0
    for grade, n in grade_mix(count).items():
        targets.update((e, grade) for e in graded[cursor:cursor + n])
        cursor += n
    violations = record_violations_for(targets, year, seed=seed)
    ids = [e.pk for e in targets]
    grading.propose_grades(Enterprise.objects.filter(pk__in=ids), year, actor=actor)
    proposals = CreditGrade.objects.filter(enterprise_id__in=ids, year=year, status="proposed")
    confirmed = grading.confirm_grades(list(proposals.values_list("pk", flat=True)), actor=actor)
    if stdout is not None:
        stdout.write(f"  {count} enterprises, {violations} violations, {confirmed} grades confirmed ({year})")
    return {"enterprises": count, "violations": violations, "confirmed": confirmed}
