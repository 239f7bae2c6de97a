import io
from types import SimpleNamespace

import pytest
from openpyxl import Workbook

from .factories import ProjectFactory, SubcontractFactory, WageAccountFactory


@pytest.fixture
def no_deposit_app():
    """The permit hook as it is before a deposits app answers (the deposits app registers in ready())."""
    from projects import permits

    saved = dict(permits._REQUIREMENTS)
    permits.unregister_requirement("wage_deposit")
    yield permits
    permits._REQUIREMENTS.clear()
    permits._REQUIREMENTS.update(saved)


@pytest.fixture
def site(personas):
    """Project P-A in Chengguan (client = enterprise B, GC = enterprise A, a subcontractor S) and project P-B in
    Qilihe (GC = enterprise B): enterprise A sees P-A only; enterprise B sees both (client of P-A)."""
    from tests.factories import EnterpriseFactory

    sub = EnterpriseFactory(name="丙劳务分包有限公司", kind="labour_subcontractor")
    project_a = ProjectFactory(code="LZ-A", name="甲工程", district=personas.chengguan_official.district,
                               client=personas.enterprise_b, general_contractor=personas.enterprise_a)
    SubcontractFactory(project=project_a, enterprise=sub)
    WageAccountFactory(project=project_a)
    project_b = ProjectFactory(code="LZ-B", name="乙工程", district=personas.qilihe_official.district,
                               client=EnterpriseFactory(kind="client", district=personas.qilihe_official.district),
                               general_contractor=personas.enterprise_b)
    return SimpleNamespace(a=project_a, b=project_b, sub=sub)


def workbook(header, rows, *, text_columns=()) -> bytes:
    """An .xlsx with one sheet; cells in text_columns are stored as text (as the template formats them)."""
    wb = Workbook()
    ws = wb.active
    ws.append(header)
    for row in rows:
        ws.append(row)
    for col in text_columns:
        for cells in ws.iter_rows(min_row=2, min_col=col, max_col=col):
            for cell in cells:
                cell.number_format = "@"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


@pytest.fixture
def make_workbook():
    return workbook
