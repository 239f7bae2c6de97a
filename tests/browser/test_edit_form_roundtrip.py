"""An official opens a project's edit form in Chinese and saves it unchanged: the dates are still there.

The browser is the judge here: an <input type="date"> that received a display-format value (2025/10/01)
shows empty in chromium and submits nothing, which erased 合同签订日期 and 计划工期 on every save.
"""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from tests.factories import PASSWORD
from tests.projects.factories import ProjectFactory

from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_saving_a_project_unchanged_keeps_its_dates(page, personas):
    project = ProjectFactory(name="雁滩安置房工程", district=personas.chengguan_official.district,
                             general_contractor=personas.enterprise_a, contract_signed_on=dt.date(2025, 10, 1),
                             planned_start_on=dt.date(2025, 11, 3), planned_completion_on=dt.date(2027, 6, 30),
                             manager_phone="13912340000")

    login(page, "chengguan_official", PASSWORD)
    page.goto(f"/projects/{project.pk}/edit/")
    # What chromium holds in the fields (its value sanitization has run): the ISO dates, not "".
    expect(page.locator("input[name=contract_signed_on]")).to_have_value("2025-10-01")
    expect(page.locator("input[name=planned_start_on]")).to_have_value("2025-11-03")
    expect(page.locator("input[name=planned_completion_on]")).to_have_value("2027-06-30")

    page.get_by_role("button", name="保存").click()
    expect(page).to_have_url(re.compile(rf"/projects/{project.pk}/$"))  # saved, back on the project

    project.refresh_from_db()
    assert (project.contract_signed_on, project.planned_start_on, project.planned_completion_on) == (
        dt.date(2025, 10, 1), dt.date(2025, 11, 3), dt.date(2027, 6, 30))
    assert project.manager_phone == "13912340000"
