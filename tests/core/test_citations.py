"""Citations reach the user: every deadline and grade reason shows its rule's name and basis beside it, on the
page and in the API body (core.citations.Rule, {% citation %}, core.api.citations.CitationsField)."""

import datetime as dt

import pytest

from blacklist import rules as blacklist_rules
from cases import rules as cases_rules
from certificates.models import VALIDITY_RULE
from deposits.choices import GUARANTEE_RULE, STORE_RULE
from enterprises.choices import C_TRIGGER_BASIS, HANDLED_RULE, CTrigger
from enterprises.grading import Finding, decide
from tests.blacklist.factories import notified_entry
from tests.blacklist.factories import review_request as blacklist_review
from tests.cases.factories import investigating_case, new_complaint
from tests.certificates.factories import direct_certificate
from tests.deposits import factories as deposit_factories
from tests.factories import CreditGradeFactory

pytestmark = pytest.mark.django_db


def shows(body: str, rule) -> bool:
    return rule.basis in body and 'data-testid="citation"' in body


def test_case_deadlines_cite_their_rules(personas, partner, login):
    case = investigating_case(personas.chengguan_inspector, partner, personas.enterprise_a)
    client = login(personas.chengguan_inspector)
    page = client.get(f"/cases/{case.pk}/").content.decode()
    assert shows(page, cases_rules.INVESTIGATION_RULE)
    body = client.get(f"/api/v1/cases/{case.pk}/").json()
    assert body["citations"]["investigation_deadline"] == cases_rules.INVESTIGATION_RULE.as_dict()
    assert "order_deadline" not in body["citations"]  # no order yet: no date, no citation


def test_complaint_decision_deadline_cites_its_rule(personas, login):
    complaint = new_complaint(personas.chengguan_inspector, enterprise=personas.enterprise_a)
    client = login(personas.chengguan_inspector)
    page = client.get(f"/cases/complaints/{complaint.pk}/").content.decode()
    assert shows(page, cases_rules.ACCEPTANCE_RULE)
    body = client.get(f"/api/v1/complaints/{complaint.pk}/").json()
    assert body["citations"]["acceptance_deadline"]["basis"] == cases_rules.ACCEPTANCE_RULE.basis


def test_deposit_deadlines_cite_their_rules(personas, login):
    official = personas.chengguan_official
    deposit = deposit_factories.guaranteed(deposit_factories.project(personas.enterprise_a), official)
    client = login(official)
    page = client.get(f"/deposits/{deposit.pk}/").content.decode()
    assert shows(page, STORE_RULE) and shows(page, GUARANTEE_RULE)
    body = client.get(f"/api/v1/deposits/{deposit.pk}/").json()
    assert body["citations"]["due_on"] == STORE_RULE.as_dict()
    assert body["citations"]["valid_until"]["basis"] == GUARANTEE_RULE.basis


def test_listing_objection_period_cites_its_rule(personas, partner, login):
    entry = notified_entry(personas.chengguan_inspector, partner, personas.enterprise_a)
    client = login(personas.chengguan_official)
    page = client.get(f"/blacklist/{entry.pk}/").content.decode()
    assert shows(page, blacklist_rules.OBJECTION_RULE)
    body = client.get(f"/api/v1/blacklist/entries/{entry.pk}/").json()
    assert body["objection_deadline"] == entry.objection_deadline.isoformat()
    assert body["citations"]["objection_deadline"] == blacklist_rules.OBJECTION_RULE.as_dict()


def test_listing_review_shows_the_decision_due_date_with_its_rule(personas, partner, login):
    request = blacklist_review(personas.chengguan_inspector, partner, personas.enterprise_a)
    page = login(personas.chengguan_inspector).get(f"/blacklist/reviews/{request.pk}/").content.decode()
    assert 'data-testid="decision-due"' in page
    assert shows(page, blacklist_rules.DECISION_RULE)


def test_certificate_validity_cites_its_basis(personas, login):
    certificate = direct_certificate(personas.enterprise_a, issued_on=dt.date(2026, 7, 1))
    client = login(personas.chengguan_official)
    page = client.get(f"/certificates/{certificate.pk}/").content.decode()
    assert shows(page, VALIDITY_RULE)
    body = client.get(f"/api/v1/certificates/{certificate.pk}/").json()
    assert body["citations"]["valid_until"] == VALIDITY_RULE.as_dict()


def test_every_grade_reason_carries_its_rule():
    proposal = decide([Finding(code="handled", label="2025-03-01 工资", source="violations", counted=True)])
    assert proposal.reasons[0]["basis"] == HANDLED_RULE.basis
    proposal = decide([Finding(code=CTrigger.CHILD_LABOUR.value, label="童工", source="violations")])
    assert proposal.grade == "C" and proposal.reasons[0]["basis"] == C_TRIGGER_BASIS


def test_grade_page_and_api_cite_each_reason(personas, login):
    # Stored before reasons carried their rule: the page and API add it from the code.
    grade = CreditGradeFactory(enterprise=personas.enterprise_a, grade="C", proposed_grade="C", reasons=[
        {"code": CTrigger.OBSTRUCTED.value, "label": "2025-05-01 阻挠检查", "source": "violations"}])
    client = login(personas.chengguan_official)
    page = client.get(f"/enterprises/grades/{grade.pk}/").content.decode()
    assert "2025-05-01 阻挠检查" in page and C_TRIGGER_BASIS in page and 'data-testid="citation"' in page
    body = client.get(f"/api/v1/credit-grades/{grade.pk}/").json()
    assert body["reasons"][0]["basis"] == C_TRIGGER_BASIS and body["reasons"][0]["rule"]


def test_the_citation_tag_reads_only_rule_constants():
    from django.template import Context, Template, TemplateSyntaxError

    rendered = Template('{% load citations %}{% citation "cases.rules.INVESTIGATION_RULE" %}').render(Context())
    assert cases_rules.INVESTIGATION_RULE.basis in rendered
    with pytest.raises(TemplateSyntaxError):
        Template('{% load citations %}{% citation "django.conf.settings" %}').render(Context())
    with pytest.raises(TemplateSyntaxError):
        Template('{% load citations %}{% rule_number "django.conf.settings" %}').render(Context())
