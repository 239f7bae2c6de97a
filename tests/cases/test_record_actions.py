"""The class test of the action descriptor (kernel.actions): on the case page and in the inbox, an action's
button shows exactly when posting it succeeds, for a user who may take it and for one who may not, because
availability asks the service's own check_<action>. The extension-approver rule is one function
(services.lifecycle.check_decide_extension) used by the service, the case page and the inbox."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from cases import services
from cases.choices import ExtensionStatus
from cases.views.actions import ACTIONS
from cases.views.inbox import QUICK_ACTIONS
from kernel.actions import panel
from kernel.errors import IllegalTransition

from .factories import filed_case, investigating_case, new_complaint, ordered_case, overdue_case

pytestmark = pytest.mark.django_db
D = dt.date

ORDER = {
    "issued_on": "2026-06-10",
    "workdays": 7,
    "amount": "24000",
    "workers": 3,
    "requirements": "支付",
    "served_on": "2026-06-10",
    "service_method": "in_person",
}


def _requested(by):
    """A case whose extension `by` requested."""

    def build(p, partner):
        case = investigating_case(p.chengguan_inspector, partner, p.enterprise_a)
        return services.request_extension(case, actor=getattr(p, by) if by != "partner" else partner, reason="复杂")

    return build


def _investigating(p, partner):
    return investigating_case(p.chengguan_inspector, partner, p.enterprise_a)


def _filed(p, partner):
    return filed_case(p.chengguan_inspector, p.enterprise_a)


def _ordered(p, partner):
    return ordered_case(p.chengguan_inspector, partner, p.enterprise_a)


def _overdue(p, partner):
    return overdue_case(p.chengguan_inspector, partner, p.enterprise_a)


# (record builder, who acts, action, form data): each action of the case page for one user who may and one who
# may not (a read-only role, a missing right, the requester deciding their own request, a rule not met yet).
CASE_PAGE = [
    (_investigating, "chengguan_inspector", "extension", {"reason": "案情复杂"}),
    (_investigating, "city_leader", "extension", {"reason": "案情复杂"}),
    (_requested("chengguan_inspector"), "chengguan_official", "extension-decision", {"approve": "yes"}),
    (_requested("chengguan_inspector"), "chengguan_inspector", "extension-decision", {"approve": "yes"}),
    (_requested("chengguan_official"), "chengguan_official", "extension-decision", {"approve": "yes"}),
    (_investigating, "chengguan_inspector", "order", ORDER),
    (_filed, "chengguan_inspector", "order", ORDER),
    (_ordered, "chengguan_inspector", "overdue", {}),
    (_investigating, "chengguan_inspector", "overdue", {}),
    (_overdue, "chengguan_inspector", "compensation", {"rate": "50"}),
    (_investigating, "chengguan_inspector", "compensation", {"rate": "50"}),
    (_investigating, "chengguan_official", "supervision", {"note": "挂牌"}),
    (_investigating, "chengguan_inspector", "supervision", {"note": "挂牌"}),
    (_investigating, "chengguan_inspector", "withdraw", {"reason": "已整改"}),
    (_ordered, "chengguan_inspector", "withdraw", {"reason": "已整改"}),
    (_filed, "chengguan_grid", "withdraw", {"reason": "已整改"}),
]


@pytest.mark.parametrize(
    ("build", "who", "key", "data"),
    CASE_PAGE,
    ids=[f"{key}-{who}-{build.__name__}" for build, who, key, _d in CASE_PAGE],
)
def test_a_case_page_button_shows_iff_posting_it_succeeds(personas, partner, login, september, build, who, key, data):
    case = build(personas, partner)
    client = login(getattr(personas, who))
    page = client.get(case.get_absolute_url())
    shown = page.status_code == 200 and f'data-testid="action-{key}"' in page.content.decode()
    before = AuditEvent.objects.count()
    response = client.post(reverse("cases:act", args=[case.pk, key]), data)
    succeeded = response.status_code == 302
    assert succeeded == (AuditEvent.objects.count() > before)  # the service ran (its audit event is there)
    assert shown == succeeded, (key, who, response.status_code)


def test_a_refused_action_is_shown_disabled_with_the_service_s_reason(personas, login):
    case = filed_case(personas.chengguan_inspector, personas.enterprise_a)
    states = {s.key: s for s in panel(ACTIONS, personas.chengguan_inspector, case, {"change": True, "approve": False})}
    assert not states["order"].available and "Two inspectors must be on the case" in states["order"].reason
    assert "close" not in states  # a refusal of the state is left out
    page = login(personas.chengguan_inspector).get(case.get_absolute_url()).content.decode()
    assert 'data-testid="unavailable"' in page and states["order"].reason in page


def test_the_extension_approver_rule_is_one_function(personas, partner):
    case = _requested("chengguan_official")(personas, partner)
    rule = services.lifecycle.check_decide_extension
    decide = next(a for a in ACTIONS if a.key == "extension-decision")
    approve = next(a for a in QUICK_ACTIONS["case"] if a.key == "approve-extension")
    assert decide.check is rule and approve.check is rule
    with pytest.raises(Exception, match="someone other than the requester"):
        rule(personas.chengguan_official, case)
    rule(personas.city_admin, case)  # another official with the approval right may
    with pytest.raises(Exception, match="someone other than the requester"):
        services.decide_extension(case, actor=personas.chengguan_official, approve=True)
    case.extension_status = ExtensionStatus.APPROVED
    with pytest.raises(IllegalTransition):
        rule(personas.city_admin, case)


def _quick_shown(client, kind, obj, key) -> bool:
    html = client.get(reverse("cases:inbox")).content.decode()
    row = html.split(f'id="inbox-{kind}-{obj.pk}"', 1)
    return len(row) == 2 and f'data-testid="quick-{key}"' in row[1].split("</tr>", 1)[0]


@pytest.fixture
def september(monkeypatch):
    """Deadlines counted from 1 Sep 2026 (accepting, listed supervision) fall inside the covered calendar."""
    for module in ("acceptance", "supervision"):
        monkeypatch.setattr(f"cases.services.{module}.today", lambda: D(2026, 9, 1))


def _complaint(p, partner):
    return new_complaint(None, enterprise=p.enterprise_a, now=timezone.make_aware(dt.datetime(2026, 9, 1, 9)))


def _needs_inspector(p, partner):
    return filed_case(partner, p.enterprise_a)


INBOX = [
    ("complaint", _complaint, "chengguan_inspector", "accept"),
    ("complaint", _complaint, "chengguan_grid", "accept"),
    ("case", _needs_inspector, "chengguan_inspector", "take"),
    ("case", _needs_inspector, "chengguan_official", "take"),
    ("case", _requested("chengguan_inspector"), "chengguan_official", "approve-extension"),
    ("case", _requested("chengguan_official"), "chengguan_official", "approve-extension"),
    ("case", _requested("chengguan_inspector"), "chengguan_inspector", "approve-extension"),
    ("case", _ordered, "chengguan_inspector", "overdue"),
    ("case", _investigating, "chengguan_inspector", "overdue"),
]


@pytest.mark.parametrize(
    ("kind", "build", "who", "key"), INBOX, ids=[f"{key}-{who}-{build.__name__}" for _k, build, who, key in INBOX]
)
def test_an_inbox_quick_button_shows_iff_posting_it_succeeds(
    personas, partner, login, september, kind, build, who, key
):
    obj = build(personas, partner)
    client = login(getattr(personas, who))
    shown = _quick_shown(client, kind, obj, key)
    before = AuditEvent.objects.count()
    response = client.post(reverse("cases:quick", args=[kind, obj.pk, key]), HTTP_HX_REQUEST="true")
    succeeded = response.status_code == 200 and 'data-testid="quick-result"' in response.content.decode()
    assert succeeded == (AuditEvent.objects.count() > before)
    assert shown == succeeded, (key, who, response.status_code)
