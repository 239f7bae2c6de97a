"""Default grade-based supervision, from the Lanzhou practice (domain.md §10.6, a local policy [L]):
A routine supervision; B in the annual inspection plan with more patrols; C key monitoring, at least
two written reviews a year and joint-punishment notices when serious. City administrators change these
figures as new versions (SupervisionPolicy); this only seeds the first version."""

import datetime as dt
from decimal import Decimal

from django.db import migrations

# 人社部规〔2016〕1号 took effect on 2017-01-01: the first grades were given under it.
EFFECTIVE_FROM = dt.date(2017, 1, 1)

# grade, patrols/year, written reviews/year, annual plan, key monitoring, joint punishment, sampling weight, notes
DEFAULTS = [
    ("A", 1, 1, False, False, False, Decimal("1.00"), "日常监管：常规巡查，减少检查频次。"),
    ("B", 2, 1, True, False, False, Decimal("2.00"), "纳入年度检查计划，增加日常巡查频次。"),
    ("C", 4, 2, True, True, True, Decimal("4.00"),
     "列为重点监控对象，每年书面审查不少于2次；情节严重的通报相关部门实施联合惩戒。"),
]


def seed(apps, schema_editor):
    SupervisionPolicy = apps.get_model("enterprises", "SupervisionPolicy")
    for grade, patrols, reviews, plan, key, joint, weight, notes in DEFAULTS:
        SupervisionPolicy.objects.get_or_create(
            grade=grade, effective_from=EFFECTIVE_FROM,
            defaults={"routine_patrols_per_year": patrols, "written_reviews_per_year": reviews,
                      "in_annual_plan": plan, "key_monitoring": key, "joint_punishment_notice": joint,
                      "sampling_weight": weight, "notes": notes},
        )


def unseed(apps, schema_editor):
    apps.get_model("enterprises", "SupervisionPolicy").objects.filter(effective_from=EFFECTIVE_FROM).delete()


class Migration(migrations.Migration):
    dependencies = [("enterprises", "0002_grading_violations_policies")]
    operations = [migrations.RunPython(seed, unseed)]
