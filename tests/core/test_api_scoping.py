"""The API reads through each model's own visible_to (not the bare scoping function), so the narrowing a
queryset adds applies to the API as it does to the pages: the class of the listing-during-objection leak."""

import pytest

from tests.factories import CreditGradeFactory

pytestmark = pytest.mark.django_db


def test_an_enterprise_never_reads_a_pending_grade_proposal_through_the_api(api_client, personas):
    CreditGradeFactory(enterprise=personas.enterprise_a, year=2025, confirmed=True)
    CreditGradeFactory(enterprise=personas.enterprise_a, year=2026, grade="C", proposed_grade="C")
    api_client.force_authenticate(personas.enterprise_a_user)
    body = api_client.get("/api/v1/credit-grades/").json()
    assert [row["year"] for row in body["results"]] == [2025]


def test_every_api_viewset_scopes_through_the_models_visible_to():
    """Each registered viewset's get_queryset ends in the queryset's visible_to (kernel.api.viewsets)."""
    from kernel.api.viewsets import ScopedViewSetMixin

    seen = []
    for cls in _all_subclasses(ScopedViewSetMixin):
        queryset = getattr(cls, "queryset", None)
        if queryset is not None:
            seen.append(cls.__name__)
            assert hasattr(queryset, "visible_to"), f"{cls.__name__}: {queryset.model.__name__} has no visible_to"
    assert seen


def _all_subclasses(cls):
    import wagewatch.urls  # noqa: F401  (import every API module)

    found, todo = set(), [cls]
    while todo:
        for sub in todo.pop().__subclasses__():
            if sub not in found:
                found.add(sub)
                todo.append(sub)
    return found
