"""Celery tasks of the enterprises app: thin, idempotent, taking ids and calling the services."""

from celery import shared_task

from accounts.models import User
from core.imports.tasks import run_import_job


@shared_task(name="enterprises.propose_annual_grades")
def propose_annual_grades(year: int | None = None, actor_id: int | None = None) -> dict:
    """The annual grading run: a proposal for every active enterprise in the actor's scope (the whole
    city when run by the scheduler). Re-running refreshes open proposals and skips confirmed grades."""
    from django.utils import timezone

    from .grading import propose_grades
    from .models import Enterprise

    year = year or timezone.localdate().year
    actor = User.objects.filter(pk=actor_id).first() if actor_id else None
    enterprises = Enterprise.objects.visible_to(actor) if actor is not None else Enterprise.objects.all()
    result = propose_grades(enterprises, year, actor=actor)
    return {"year": year, "created": result.created, "updated": result.updated, "skipped": result.skipped}


@shared_task(name="enterprises.run_enterprise_import")
def run_enterprise_import(job_id: int) -> str:
    """Kept for messages queued before imports moved to core.imports; new jobs are queued as core.run_import."""

    return run_import_job("enterprises.EnterpriseImport", job_id)
