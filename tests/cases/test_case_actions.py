"""The two-inspector rule made visible: the case page says why an order cannot be issued yet, the inspector
picker offers only inspectors of the case's district, and officials or grid assistants never count as one."""

import pytest

from cases import forms, services
from cases.choices import CaseStatus
from cases.views.actions import BY_NAME, make_form
from kernel.errors import DomainError
from kernel.roles import Role
from tests.factories import UserFactory

from .factories import filed_case, inspector, investigating_case, ordered_case

pytestmark = pytest.mark.django_db


def test_a_case_with_one_inspector_says_why_there_is_no_order_action(personas, login):
    case = filed_case(personas.chengguan_inspector, personas.enterprise_a)
    page = login(personas.chengguan_inspector).get(case.get_absolute_url()).content.decode()
    assert 'data-testid="action-order"' not in page
    assert 'data-testid="unavailable"' in page
    assert "Two inspectors must be on the case (Decree 423 Art. 16); 1 is assigned now" in page


def test_with_two_inspectors_the_order_is_offered_and_the_hint_is_gone(personas, partner, login):
    case = investigating_case(personas.chengguan_inspector, partner, personas.enterprise_a)
    page = login(personas.chengguan_inspector).get(case.get_absolute_url()).content.decode()
    assert 'data-testid="action-order"' in page and "Two inspectors must be on the case" not in page


def test_an_order_before_its_deadline_says_when_it_can_be_marked_overdue(personas, partner, login):
    case = ordered_case(personas.chengguan_inspector, partner, personas.enterprise_a)
    from django.utils import timezone

    page = login(personas.chengguan_inspector).get(case.get_absolute_url()).content.decode()
    if timezone.localdate() <= case.order_deadline:
        assert "The order is not overdue before" in page and 'data-testid="action-overdue"' not in page
    else:
        assert 'data-testid="action-overdue"' in page


def test_the_picker_offers_only_inspectors_of_the_case_district(personas, partner, qilihe):
    case = filed_case(personas.chengguan_inspector, personas.enterprise_a)
    inactive = UserFactory(username="gone", role=Role.INSPECTOR, district=case.district, is_active=False)
    inspector(qilihe, "qilihe_inspector_2")
    form = make_form(BY_NAME["assign"], case)
    offered = set(form.fields["inspector"].queryset)
    assert offered == {partner}  # not the official, the grid assistant, the one on the case, other districts
    assert personas.chengguan_official not in offered and personas.chengguan_grid not in offered
    assert inactive not in offered
    assert isinstance(form, forms.AssignForm)


@pytest.mark.parametrize("role_name", ["chengguan_official", "chengguan_grid"])
def test_an_official_or_grid_assistant_cannot_be_the_second_inspector(personas, role_name):
    case = filed_case(personas.chengguan_inspector, personas.enterprise_a)
    with pytest.raises(DomainError, match="Only an inspector of"):
        services.assign_inspector(case, actor=personas.chengguan_inspector, inspector=getattr(personas, role_name))
    case.refresh_from_db()
    assert case.status == CaseStatus.FILED


def test_an_official_accepting_a_complaint_is_not_put_on_the_case(personas):
    case = filed_case(personas.chengguan_official, personas.enterprise_a)
    assert not case.assignments.exists()


def test_the_inbox_offers_take_to_inspectors_not_to_officials(personas, partner, login):
    from django.urls import reverse

    case = filed_case(partner, personas.enterprise_a)
    inspector_inbox = login(personas.chengguan_inspector).get(reverse("cases:inbox")).content.decode()
    assert f'id="inbox-case-{case.pk}"' in inspector_inbox and 'data-testid="quick-take"' in inspector_inbox
    official = login(personas.chengguan_official)
    official_inbox = official.get(reverse("cases:inbox")).content.decode()
    assert f'id="inbox-case-{case.pk}"' in official_inbox and 'data-testid="quick-take"' not in official_inbox
    official.post(reverse("cases:quick", args=["case", case.pk, "take"]), HTTP_HX_REQUEST="true")
    assert not case.assignments.filter(inspector=personas.chengguan_official).exists()
