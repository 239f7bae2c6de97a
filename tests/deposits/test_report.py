"""The deposit statistics report (issue 10): one value per cell, counts under count headers and yuan
under amount headers, every row complete (a year with only a return showed "· ¥0.00")."""

import datetime as dt
import re
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from deposits import reports, services
from deposits.models import Deposit

from . import factories

pytestmark = pytest.mark.django_db
D = dt.date
YUAN = re.compile(r"^-?¥\d{1,3}(,\d{3})*\.\d{2}$")
COUNT = re.compile(r"^\d+$")
# The leaf headers, left to right: what each column must hold.
COLUMNS = ["text", "text", "count", "yuan", "count", "count", "yuan", "count", "yuan", "yuan", "yuan"]


class Table(HTMLParser):
    def __init__(self):
        super().__init__()
        self.rows, self.cell, self.inside = [], None, False

    def handle_starttag(self, tag, attrs):
        if tag == "table" and ("data-testid", "report-table") in attrs:
            self.inside = True
        elif self.inside and tag == "tr":
            self.rows.append([])
        elif self.inside and tag in ("td", "th"):
            self.cell = {"text": "", "colspan": int(dict(attrs).get("colspan", 1)), "tag": tag}

    def handle_endtag(self, tag):
        if tag == "table":
            self.inside = False
        elif self.inside and tag in ("td", "th") and self.cell is not None:
            self.cell["text"] = " ".join(self.cell["text"].split())
            self.rows[-1].append(self.cell)
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell["text"] += data


def _returned_deposit(personas, official):
    project = factories.project(personas.enterprise_a)
    deposit = factories.stored(project, official)
    type(project).objects.filter(pk=project.pk).update(status="completed")
    deposit = services.start_return(deposit, actor=official, commitment_on=D(2026, 5, 1), publicity_from=D(2026, 5, 2))
    deposit = services.apply_return(deposit, actor=official, applied_on=D(2026, 6, 12))
    services.approve(services.request_return(deposit, actor=personas.chengguan_inspector, reason="无拖欠"),
                     actor=official)
    # Assessed the year before: the return year has a row with movements only.
    Deposit.objects.filter(pk=deposit.pk).update(assessed_on=D(2025, 12, 1))
    return deposit


def test_every_row_has_every_column_and_the_totals_add_up(personas, today):
    official = personas.chengguan_official
    factories.stored(factories.project(personas.enterprise_a), official)
    _returned_deposit(personas, official)
    rows = reports.totals(Deposit.objects.all())
    keys = {"district", "year", *reports.COUNTS, *reports.AMOUNTS}
    assert rows and all(set(row) == keys for row in rows)
    moves_only = next(row for row in rows if row["year"] == 2026 and row["returned_amount"])
    assert moves_only["stored"] == 1  # the other deposit of 2026
    only_2025 = next(row for row in rows if row["year"] == 2025)
    assert only_2025["stored"] == 1 and only_2025["returned_amount"] == Decimal("0.00")
    total = reports.grand_total(rows)
    assert total["stored"] == 2 and total["returned_amount"] == sum(r["returned_amount"] for r in rows)
    assert all(isinstance(total[k], Decimal) for k in reports.AMOUNTS)


def test_the_rendered_table_has_one_value_of_the_right_kind_per_cell(personas, login, today):
    official = personas.chengguan_official
    factories.stored(factories.project(personas.enterprise_a), official)  # reduced: 180,000 of 360,000
    _returned_deposit(personas, official)
    page = login(personas.city_admin).get(reverse("deposits:report")).content.decode()
    table = Table()
    table.feed(page)
    head, sub, *body = table.rows
    assert sum(c["colspan"] for c in head) == len(COLUMNS) and len(sub) == 6
    assert len(body) >= 3  # two years, and the total
    for row in body:
        cells = [c["text"] for c in row]
        if row[0]["colspan"] == 2:  # the total row: one label over year and district
            cells = ["", "", *cells[1:]]
        assert len(cells) == len(COLUMNS), cells
        for kind, text in zip(COLUMNS, cells, strict=True):
            assert "·" not in text, cells
            if kind == "count":
                assert COUNT.match(text), cells
            elif kind == "yuan":
                assert YUAN.match(text), cells
    assert "¥180,000.00" in page  # the reduction, under its amount header
