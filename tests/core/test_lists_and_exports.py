"""Every list says how many rows it holds (共 N 条, one page or many), and every Excel export has a frozen
header row, fitted column widths and money as number cells with a currency format (issue 10)."""

import io
import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from openpyxl import load_workbook

from core import excel
from core.views import FilteredListView
from enterprises.models import Enterprise
from tests.cases.factories import CaseFactory, ComplaintFactory
from tests.factories import EnterpriseFactory
from tests.projects.factories import WorkerFactory

pytestmark = pytest.mark.django_db


def _list_views():
    """(url name, view class) of every FilteredListView in the URL configuration."""
    found = []

    def walk(patterns, namespace=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace)
            elif isinstance(pattern, URLPattern):
                view = getattr(pattern.callback, "view_class", None)
                if view and issubclass(view, FilteredListView) and pattern.name and not pattern.pattern.converters:
                    found.append((f"{namespace}{pattern.name}", view))
    walk(get_resolver().url_patterns)
    return found


LIST_VIEWS = _list_views()


def test_the_discovery_finds_the_lists():
    names = {name for name, _view in LIST_VIEWS}
    assert {"enterprises:list", "projects:list", "cases:list", "deposits:list"} <= names


@pytest.mark.parametrize(("name", "view"), LIST_VIEWS, ids=[n for n, _v in LIST_VIEWS])
def test_every_list_shows_its_total_on_a_single_page(name, view, personas, login, settings):
    case = CaseFactory(enterprise=personas.enterprise_a)
    ComplaintFactory(enterprise=personas.enterprise_a, case=case)
    WorkerFactory()
    page = login(personas.city_admin).get(reverse(name), HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert page.status_code == 200
    html = page.content.decode()
    total = page.context["paginator"].count
    assert total <= view.paginate_by  # one page: there used to be no count at all
    if total:
        assert re.search(rf'data-testid="list-total">\s*共 {total} 条', html), name
    else:
        assert "empty-state" in html, name  # an empty list says what to do next instead


def test_the_single_page_lists_with_rows_show_their_count(personas, login):
    case = CaseFactory(enterprise=personas.enterprise_a)
    ComplaintFactory(enterprise=personas.enterprise_a, case=case)
    WorkerFactory()
    client = login(personas.city_admin)
    for name in ("enterprises:list", "cases:list", "cases:complaints", "projects:workers"):
        html = client.get(reverse(name), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
        assert re.search(r'data-testid="list-total">\s*共 [1-9]\d* 条', html), name


def test_a_long_list_shows_its_total_and_the_rows_shown(personas, login, chengguan):
    for n in range(30):
        EnterpriseFactory(name=f"测试企业{n:02d}", district=chengguan)
    html = login(personas.city_admin).get(reverse("enterprises:list"), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    total = Enterprise.objects.count()
    assert re.search(rf"共 {total} 条 · 当前第 1–25 条", html)


@pytest.mark.parametrize(("name", "view"), [(n, v) for n, v in LIST_VIEWS if v.export_columns],
                         ids=[n for n, v in LIST_VIEWS if v.export_columns])
def test_every_export_freezes_the_header_and_fits_the_columns(name, view, personas, login):
    CaseFactory(enterprise=personas.enterprise_a)
    response = login(personas.city_admin).get(reverse(name), {"export": "xlsx"})
    assert response.status_code == 200
    ws = load_workbook(io.BytesIO(b"".join(response.streaming_content))).worksheets[0]
    assert ws.freeze_panes == "A2"
    header = [c.value for c in ws[1]]
    assert header == [str(title) for title, _getter in view.export_columns]
    for index, title in enumerate(header, start=1):
        width = ws.column_dimensions[ws.cell(row=1, column=index).column_letter].width
        assert excel.MIN_COLUMN_WIDTH <= width <= excel.MAX_COLUMN_WIDTH
        assert width >= min(excel.display_width(title) + 2, excel.MAX_COLUMN_WIDTH), title


def test_money_goes_out_as_numbers_with_a_currency_format_and_wide_text_gets_a_wide_column(personas, login):
    case = CaseFactory(enterprise=personas.enterprise_a, employer_name="兰州市城关区某某建筑劳务有限责任公司第三分公司")
    response = login(personas.city_admin).get(reverse("cases:list"), {"export": "xlsx"}, HTTP_ACCEPT_LANGUAGE="en")
    ws = load_workbook(io.BytesIO(b"".join(response.streaming_content))).worksheets[0]
    header = [c.value for c in ws[1]]
    owed = ws.cell(row=2, column=header.index("Amount owed (CNY)") + 1)
    assert owed.data_type == "n" and owed.value == float(case.amount_owed) and owed.number_format == excel.MONEY_FORMAT
    employer = ws.cell(row=1, column=header.index("Employer") + 1).column_letter
    assert ws.column_dimensions[employer].width == min(excel.display_width(case.employer_name) + 2,
                                                       excel.MAX_COLUMN_WIDTH)


def test_ratios_go_out_as_percent_cells():
    from decimal import Decimal

    out = excel.write_xlsx([("Rate", lambda r: excel.Ratio(r)), ("Amount", lambda r: Decimal("1.00"))],
                           [Decimal("0.02")])
    ws = load_workbook(out).worksheets[0]
    assert ws["A2"].number_format == excel.PERCENT_FORMAT and ws["A2"].value == 0.02
    assert ws["B2"].number_format == excel.MONEY_FORMAT
