"""Money sums are exact on both databases (issue 10: `Decimal('0.0600000000000001')` on SQLite).

The suite runs on PostgreSQL; the SQLite half opens an in-memory SQLite database beside it, creates a
throwaway table there and runs the same aggregate helper against it."""

import ast
import pathlib
from decimal import Decimal

import pytest
from django.db import connections, models
from django.db.models import F, Q, Sum
from django.test.utils import isolate_apps

from core.aggregates import AsMoney, MoneySum

AMOUNTS = ["0.01", "0.05", "0.10", "0.20", "1234567.89", "-0.07", "0.29", "0.57"]
EXPECTED = sum(Decimal(a) for a in AMOUNTS)
ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture
def sqlite_alias(django_db_blocker):
    alias = "money_sqlite"
    connections.settings[alias] = connections.configure_settings(
        {"default": connections.settings["default"],
         alias: {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}})[alias]
    try:
        with django_db_blocker.unblock():
            yield alias
    finally:
        connections[alias].close()
        del connections[alias]
        del connections.settings[alias]


def _sums_on(alias):
    with isolate_apps("core"):
        class Entry(models.Model):
            amount = models.DecimalField(max_digits=16, decimal_places=2)
            other = models.DecimalField(max_digits=16, decimal_places=2, default=0)
            kind = models.CharField(max_length=1, default="a")

            class Meta:
                app_label = "core"

            def __str__(self):
                return str(self.amount)

        with connections[alias].schema_editor() as editor:
            editor.create_model(Entry)
        rows = Entry.objects.using(alias)
        rows.bulk_create([Entry(amount=Decimal(a), other=Decimal("0.03"), kind="ab"[i % 2])
                          for i, a in enumerate(AMOUNTS)])
        return {
            "plain": rows.aggregate(t=Sum("amount"))["t"],
            "exact": rows.aggregate(t=MoneySum("amount"))["t"],
            "small": rows.filter(amount__in=[Decimal("0.01"), Decimal("0.05")]).aggregate(t=MoneySum("amount"))["t"],
            "filtered": rows.aggregate(t=MoneySum("amount", filter=Q(kind="a")))["t"],
            "difference": rows.aggregate(t=MoneySum(F("amount") - F("other")))["t"],
            "grouped": dict(rows.values("kind").annotate(t=MoneySum("amount")).values_list("kind", "t")),
            "empty": rows.filter(kind="z").aggregate(t=MoneySum("amount"))["t"],
            "subquery": rows.annotate(s=AsMoney(F("amount") + F("other"))).order_by("pk").first().s,
        }


def _check(sums):
    assert sums["exact"] == EXPECTED and str(sums["exact"]) == str(EXPECTED)
    assert str(sums["small"]) == "0.06"
    assert sums["filtered"] == sum(Decimal(a) for a in AMOUNTS[::2])
    assert sums["difference"] == EXPECTED - Decimal("0.03") * len(AMOUNTS)
    assert sums["grouped"] == {"a": sum(Decimal(a) for a in AMOUNTS[::2]),
                               "b": sum(Decimal(a) for a in AMOUNTS[1::2])}
    assert all(v.as_tuple().exponent == -2 for v in sums["grouped"].values())
    assert sums["empty"] is None
    assert str(sums["subquery"]) == "0.04"


def test_money_sums_are_exact_on_sqlite(sqlite_alias):
    sums = _sums_on(sqlite_alias)
    assert str(sums["plain"]) != str(EXPECTED)  # the drift the helper exists for (a plain Sum on SQLite)
    _check(sums)


@pytest.mark.django_db
def test_money_sums_are_exact_on_postgresql():
    assert connections["default"].vendor == "postgresql"
    _check(_sums_on("default"))


MONEY_WORDS = ("amount", "balance", "total", "pay", "paid", "held", "capital")
COUNT_WORDS = ("workers", "count")  # "workers_paid" is a headcount


def test_no_plain_sum_over_money_in_the_code():
    """Every Sum over a money column goes through MoneySum (counts and headcounts may use Sum)."""
    offenders = []
    for path in ROOT.glob("*/**/*.py"):
        if any(part in (".venv", "tests", "migrations", "benchmarks") for part in path.parts):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) == "Sum"
                    and node.args and any(word in ast.unparse(node.args[0]) for word in MONEY_WORDS)
                    and not any(word in ast.unparse(node.args[0]) for word in COUNT_WORDS)):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} {ast.unparse(node)}")
    assert offenders == []
