"""Excel export of the filtered lists: what the filters show, formulas neutralised, money numeric."""

import io
from decimal import Decimal

from django.urls import reverse
from openpyxl import load_workbook

from audit.models import AuditEvent
from tests.factories import EnterpriseFactory, ViolationFactory


def sheet(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    content = b"".join(response.streaming_content)
    return load_workbook(io.BytesIO(content)).worksheets[0]


def test_the_export_neutralises_formulas_and_keeps_money_numeric(personas, login, chengguan):
    EnterpriseFactory(name="=HYPERLINK(\"http://evil\",\"x\")", district=chengguan,
                      registered_capital=Decimal("1234.50"), address="+cmd|' /C calc'!A0")
    ws = sheet(login(personas.chengguan_official).get(reverse("enterprises:list"), {"export": "xlsx", "q": "HYPER"}))
    header = [c.value for c in ws[1]]
    values = dict(zip(header, [c.value for c in ws[2]], strict=True))
    assert values["Name"].startswith("'=")
    assert values["Address"].startswith("'+")
    capital = ws.cell(row=2, column=header.index("Registered capital (10k CNY)") + 1)
    assert capital.value == 1234.5 and capital.data_type == "n"
    assert "¥" in capital.number_format
    assert ws.max_row == 2


def test_the_export_follows_the_filters_and_the_scope(personas, login):
    ws = sheet(login(personas.city_admin).get(reverse("enterprises:list"), {"export": "xlsx", "district":
                                                                            personas.enterprise_b.district_id}))
    names = [r[1] for r in ws.iter_rows(min_row=2, values_only=True)]
    assert names == [personas.enterprise_b.name]
    ws = sheet(login(personas.chengguan_inspector).get(reverse("enterprises:list"), {"export": "xlsx"}))
    assert [r[1] for r in ws.iter_rows(min_row=2, values_only=True)] == [personas.enterprise_a.name]
    assert AuditEvent.objects.filter(event="list_exported").count() == 2


def test_the_violation_export_keeps_the_fine_numeric(personas, login):
    ViolationFactory(enterprise=personas.enterprise_a, fine_amount=Decimal("20000.00"), description="-1+1")
    ws = sheet(login(personas.chengguan_official).get(reverse("enterprises:violations"), {"export": "xlsx"}))
    header = [c.value for c in ws[1]]
    fine = ws.cell(row=2, column=header.index("Fine (CNY)") + 1)
    assert fine.value == 20000 and fine.data_type == "n"
    assert ws.cell(row=2, column=header.index("Description") + 1).value == "'-1+1"


def test_the_grade_export(personas, login, year):
    from enterprises import grading
    from enterprises.models import Enterprise

    grading.propose_grades(Enterprise.objects.all(), year)
    ws = sheet(login(personas.city_admin).get(reverse("enterprises:grades"), {"export": "xlsx"}))
    assert ws.max_row == 3
