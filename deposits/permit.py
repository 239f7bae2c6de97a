"""The answer the deposits app gives to projects.permits ("wage_deposit"): the deposit is stored,
guaranteed (with a guarantee still valid) or exempt (Decree 724 Art. 32, 65号)."""

from .models import Deposit


def deposit_requirement(projects) -> dict:
    """{project_id: met} for many projects in one query."""
    ids = [p.pk for p in projects]
    met = set(Deposit.objects.filter(project_id__in=ids).satisfied().values_list("project_id", flat=True))
    return {pk: pk in met for pk in ids}
