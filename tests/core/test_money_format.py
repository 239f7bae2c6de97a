"""One way to write money and ratios (docs/ui.md Formats; issue 11 "one money filter").

core.formats holds the functions and core/templatetags/money.py the only filters. The scans fail when a
template, a message or a PDF formats money or a ratio any other way."""

import pathlib
import re
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from core import formats

ROOT = pathlib.Path(__file__).resolve().parents[2]
SKIP = {".venv", "tests", "migrations", "benchmarks", "node_modules", "var", "static"}
FORMAT_HOME = {ROOT / "core" / "formats.py"}


def _files(pattern):
    return [p for p in ROOT.glob(pattern) if not SKIP & set(p.relative_to(ROOT).parts)]


@pytest.mark.parametrize(("value", "text"), [
    (Decimal("36000"), "¥36,000.00"), (Decimal("1234567.891"), "¥1,234,567.89"), ("0.005", "¥0.01"),
    (Decimal("-12"), "-¥12.00"), (None, "—"), ("", "—"), (0.1, "¥0.10"),
])
def test_yuan(value, text):
    assert formats.yuan(value) == text


@pytest.mark.parametrize(("value", "text"), [
    (Decimal("0.2"), "20.0%"), (Decimal("0.2000"), "20.0%"), (Decimal("0.0075"), "0.75%"), (Decimal("1"), "100.0%"),
    (Decimal("0.951234"), "95.1234%"), (Decimal("0.03"), "3.0%"), (None, "—"),
])
def test_percent(value, text):
    assert formats.percent(value) == text


def test_signed_and_large_amounts():
    assert formats.signed_yuan(Decimal("100")) == "+¥100.00"
    assert formats.signed_yuan(Decimal("-100")) == "−¥100.00"
    with translation.override("zh-hans"):
        assert formats.wan_yuan(Decimal("49869800")) == "4,986.98 万元"


def test_the_filters_are_the_functions():
    rendered = Template("{% load money %}{{ a|yuan }} {{ a|signed_yuan }} {{ r|percent }}").render(
        Context({"a": Decimal("36000"), "r": Decimal("0.2000")}))
    assert rendered == "¥36,000.00 +¥36,000.00 20.0%"


# A variable whose last attribute names money or a ratio must pass through the matching filter. Machine
# values (a URL parameter, a form value) say so with |unlocalize or |urlencode.
MONEY_ATTRIBUTE = re.compile(r"(^|_)(amount|balance|held|capital)$|^(gross|net|paid)_total$|^current$")
RATIO_ATTRIBUTE = re.compile(r"(^|_)(rate|ratio)$|^(minimum|target)$")
MONEY_FILTERS = {"yuan", "signed_yuan", "wan_yuan", "wan", "unlocalize", "urlencode"}
RATIO_FILTERS = {"percent", "unlocalize", "urlencode"}
VARIABLE = re.compile(r"\{\{\s*([\w.]+)((?:\s*\|\s*\w+(?::(?:\"[^\"]*\"|'[^']*'|[\w.]+))?)*)\s*\}\}")
TEMPLATE_RULES = [
    (re.compile(r"¥\s*\{\{"), "a ¥ sign written before a variable: use |yuan"),
    (re.compile(r"\|\s*floatformat"), "floatformat: use |yuan or |percent"),
    (re.compile(r"\{%\s*load[^%]*\b(project_tags|cases_tags|deposit_tags)\b"),
     "an old money filter library: {% load money %}"),
]


def _variable_offenders(text):
    for match in VARIABLE.finditer(text):
        attribute = match.group(1).rsplit(".", 1)[-1]
        if "." not in match.group(1):
            continue  # a name bound by {% blocktranslate with x=...|yuan %} or {% with %}
        filters = set(re.findall(r"\|\s*(\w+)", match.group(2)))
        if MONEY_ATTRIBUTE.search(attribute) and not filters & MONEY_FILTERS:
            yield match, "a money attribute shown without |yuan"
        elif RATIO_ATTRIBUTE.search(attribute) and not filters & RATIO_FILTERS:
            yield match, "a ratio shown without |percent"


def test_templates_format_money_and_ratios_only_through_the_money_filters():
    offenders = []
    for path in _files("templates/**/*.html") + _files("*/templates/**/*.html"):
        text = path.read_text(encoding="utf-8")
        found = [(m, why) for rule, why in TEMPLATE_RULES for m in rule.finditer(text)]
        for match, why in [*found, *_variable_offenders(text)]:
            line = text.count("\n", 0, match.start()) + 1
            offenders.append(f"{path.relative_to(ROOT)}:{line}: {why}: {match.group(0)}")
    assert offenders == []


def test_the_template_scan_catches_the_old_styles():
    bad = ["¥{{ c.amount_owed }}", "{{ c.amount_owed|floatformat:2 }}", "{{ d.rate }}", "{{ f.balance|intcomma }}",
           "{% load i18n cases_tags %}"]
    for text in bad:
        assert list(_variable_offenders(text)) or any(rule.search(text) for rule, _why in TEMPLATE_RULES), text
    assert not list(_variable_offenders("{{ c.amount_owed|yuan }} {{ d.rate|percent }} {{ job.total_rows }}"))


PYTHON_RULES = [
    (re.compile(r"""f["'][^"']*¥\{"""), "an f-string writing ¥: use core.formats.yuan"),
    (re.compile(r"\{[^}]*:,\.2f\}"), "a hand-made money format: use core.formats.yuan"),
    (re.compile(r"¥%\("), "a message with ¥ before a placeholder: pass yuan(amount)"),
    (re.compile(r"\{[^}]*:\.\d*%\}"), "a hand-made percent: use core.formats.percent"),
    (re.compile(r"int\([^)]*\*\s*100\)"), "a ratio turned into a whole percent by hand: use core.formats.percent"),
    (re.compile(r"^def (yuan|cny|pct|percent)\(", re.M), "a second money/percent function"),
    (re.compile(r"register\.filter[^\n]*\b(yuan|cny|pct|percent)\b|def (yuan|cny|pct)\(value"),
     "a second money filter"),
]


def test_python_formats_money_and_ratios_only_through_core_formats():
    offenders = []
    for path in _files("*/**/*.py"):
        if path in FORMAT_HOME or path == ROOT / "core" / "templatetags" / "money.py":
            continue
        text = path.read_text(encoding="utf-8")
        for rule, why in PYTHON_RULES:
            for match in rule.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                offenders.append(f"{path.relative_to(ROOT)}:{line}: {why}: {match.group(0)}")
    assert offenders == []
