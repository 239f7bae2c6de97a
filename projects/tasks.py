"""Celery tasks of the projects app: thin, idempotent, taking ids."""

from celery import shared_task


@shared_task(name="projects.run_project_import")
def run_project_import(job_id: int) -> str:
    """Validate (and apply, unless it must be confirmed) one roster, payroll or bank-statement submission."""
    from .importers.runner import run_import
    from .models import ProjectImport

    job = ProjectImport.objects.select_related("project__general_contractor", "created_by").filter(pk=job_id).first()
    if job is None:
        return "missing"
    return run_import(job).status
