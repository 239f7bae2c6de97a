"""Celery tasks of the projects app: thin, idempotent, taking ids."""

from celery import shared_task

from core.imports.tasks import run_import_job


@shared_task(name="projects.run_project_import")
def run_project_import(job_id: int) -> str:
    """Kept for messages queued before imports moved to core.imports; new jobs are queued as core.run_import."""

    return run_import_job("projects.ProjectImport", job_id)
