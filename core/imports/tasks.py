"""Celery tasks of the import framework: thin, idempotent (the claim refuses a job already taken), taking ids."""

from celery import shared_task


@shared_task(name="core.run_import")
def run_import_job(model_label: str, job_id: int) -> str:
    """Run one queued import job of any importer (core.imports.service.run)."""
    from django.apps import apps

    from .models import ImportJob
    from .service import run

    model = apps.get_model(model_label)
    if not issubclass(model, ImportJob):
        raise ValueError(f"{model_label} is not an import job")
    job = model.objects.filter(pk=job_id).first()
    if job is None:
        return "missing"
    return run(job).status


@shared_task(name="core.fail_stale_imports")
def fail_stale_imports() -> int:
    """Jobs whose worker died end failed with a message instead of "running" for ever."""
    from .service import fail_stale_jobs

    return fail_stale_jobs()
