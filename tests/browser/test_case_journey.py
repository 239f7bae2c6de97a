"""A walk-in complaint from the desk to a closed case, in the browser (issue 6)."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from cases.models import Case, Complaint
from core.models import CalendarYear
from tests.browser.conftest import login
from tests.factories import PASSWORD, EnterpriseFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def next_year_calendar():
    """The city has entered next year's holiday schedule (a 60-working-day deadline from late in the year
    reaches into it; without it the filing is refused with a clear error)."""
    year = timezone.localdate().year + 1
    CalendarYear.objects.get_or_create(year=year, defaults={"note": "entered for the journey"})


def test_walk_in_complaint_from_the_desk_to_a_closed_case(page, personas, chengguan, next_year_calendar):
    """The queue (htmx), the desk records a walk-in complaint, an inspector accepts it, a second inspector
    joins, the inspector issues an order, records the payment and closes the case."""
    from kernel.roles import Role
    from tests.cases.factories import filed_case

    partner = UserFactory(username="chengguan_inspector_2", name="孙监察", role=Role.INSPECTOR, district=chengguan)
    waiting = filed_case(partner, EnterpriseFactory(district=chengguan))

    # An inspector starts in the queue: a case with one inspector is taken with one click (htmx swaps the row in
    # place; the CSP allows no inline script). Only inspectors count towards the two (Decree 423 Art. 16).
    login(page, "chengguan_inspector", PASSWORD)
    page.goto("/cases/inbox/")
    row = page.locator(f"#inbox-case-{waiting.pk}")
    row.get_by_test_id("quick-take").click()
    expect(page.locator(f"#inbox-case-{waiting.pk}").get_by_test_id("quick-result")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/cases/inbox/$"))
    waiting.refresh_from_db()
    assert waiting.status == "investigating"
    page.get_by_test_id("logout").click()

    login(page, "chengguan_official", PASSWORD)

    # At the desk, the official records a walk-in complaint on the worker's behalf.
    page.goto("/cases/complaints/new/")
    page.select_option("select[name=channel]", "walk_in")
    page.fill("input[name=complainant_name]", "马小兵")
    page.fill("input[name=complainant_phone]", "13893101234")
    page.fill("input[name=employer_name]", personas.enterprise_a.name)
    page.fill("input[name=workers_count]", "2")
    page.fill("input[name=amount_owed]", "16000")
    page.fill("textarea[name=description]", "两名工人两个月工资未发")
    page.get_by_test_id("submit-complaint").click()
    expect(page.get_by_test_id("complaint-status")).to_be_visible()
    complaint = Complaint.objects.exclude(case=waiting).get()
    assert complaint.channel == "walk_in" and complaint.district == chengguan
    expect(page.get_by_test_id("masked-phone")).to_have_text("138****1234")
    page.get_by_test_id("logout").click()

    # The inspector finds it in the inbox and accepts it: the case is filed the same day.
    login(page, "chengguan_inspector", PASSWORD)
    page.goto("/cases/inbox/")
    row = page.locator(f"#inbox-complaint-{complaint.pk}")
    expect(row).to_be_visible()
    row.get_by_role("link", name=complaint.tracking_number).click()
    page.select_option("select[name=decision]", "accepted")
    page.get_by_test_id("decide-submit").click()
    expect(page.get_by_test_id("case-status")).to_have_text(re.compile("Filed|已立案|立案"))
    case = Case.objects.exclude(pk=waiting.pk).get()

    # A second inspector joins: the investigation starts.
    page.get_by_test_id("action-assign").click()
    page.select_option("#act-assign select[name=inspector]", str(partner.pk))
    page.get_by_test_id("submit-assign").click()
    expect(page.get_by_test_id("case-status")).to_have_text(re.compile("Investigating|调查"))

    # The rectification order, with the amount and workers taken from the case.
    page.get_by_test_id("action-order").click()
    expect(page.locator("#act-order input[name=amount]")).to_have_value("16000.00")
    page.get_by_test_id("submit-order").click()
    expect(page.get_by_test_id("case-status")).to_have_text(re.compile("^(Order issued|已下达整改指令书)$"))
    case.refresh_from_db()
    assert case.order_deadline is not None and case.orders.count() == 1

    # The employer pays in full: the order is complied with.
    page.get_by_test_id("action-recovery").click()
    page.fill("#act-recovery input[name=amount]", "16000")
    page.fill("#act-recovery input[name=workers_paid]", "2")
    page.fill("#act-recovery textarea[name=workers]", "马小兵, , 8000\n马大兵, , 8000")
    page.get_by_test_id("submit-recovery").click()
    expect(page.get_by_test_id("case-status")).to_have_text(re.compile("^(Complied|已整改)$"))
    expect(page.get_by_test_id("recovered")).to_contain_text("16,000.00")

    # And the case is closed, with its closing record.
    page.get_by_test_id("action-close").click()
    page.select_option("#act-close select[name=outcome]", "rectified")
    page.fill("#act-close textarea[name=summary]", "用人单位已足额支付两名工人工资。")
    page.get_by_test_id("submit-close").click()
    expect(page.get_by_test_id("case-status")).to_have_text(re.compile("Closed|结案"))
    expect(page.get_by_test_id("closing-pdf")).to_be_visible()
    case.refresh_from_db()
    assert case.status == "closed" and case.recovered_workers == 2 and case.outcome == "rectified"
    assert case.events.count() >= 7

