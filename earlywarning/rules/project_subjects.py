"""What the rules on accounts, payroll and site duties (W06–W08, W11–W13, W15, W16) share: the hit about a row of
projects.facts, and the months they look back over.

A wage account's hit names the construction client (it answers for the transfers), a project's the general
contractor, an employment's the employer; each fills the district for scoping and names the project in its
evidence. Words shown in the evidence (a status, an item) are frozen in the site's language, as pages show
them."""

from django.conf import settings
from django.utils import translation

from core import periods

from .base import Hit, Subject, evidence


def _project(row) -> str:
    return f"{row.project_code} {row.project_name}"


def account_hit(row, **figures) -> Hit:
    return Hit(
        subject=Subject.WAGE_ACCOUNT,
        subject_id=row.account_id,
        district_id=row.district_id,
        enterprise_id=row.client_id,
        project_id=row.project_id,
        evidence=evidence(project=_project(row), **figures),
    )


def project_hit(row, part: str = "", **figures) -> Hit:
    return Hit(
        subject=Subject.PROJECT,
        subject_id=row.project_id,
        district_id=row.district_id,
        enterprise_id=row.general_contractor_id,
        project_id=row.project_id,
        part=part,
        evidence=evidence(project=_project(row), **figures),
    )


def employment_hit(row, part: str, **figures) -> Hit:
    return Hit(
        subject=Subject.EMPLOYMENT,
        subject_id=row.employment_id,
        district_id=row.district_id,
        enterprise_id=row.employer_id,
        project_id=row.project_id,
        part=part,
        evidence=evidence(project=_project(row), worker=row.worker_name, **figures),
    )


def months_back(on, n: int) -> list:
    """The first days of the month of `on` and the n - 1 months before it, newest first."""
    current = periods.month_start(on)
    return [periods.add_months(current, -k) for k in range(n)]


def site_text(label) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return str(label)
