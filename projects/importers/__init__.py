"""Excel and API submissions for a project: the worker roster, a month's payroll, a bank statement, monthly
attendance.

Each importer declares its columns (the Chinese headers are the file format; API bodies use the field names),
validates every row of the submission without writing, and applies a valid submission set-based; the job, its
states, the claim, the transaction and the dispatch to Celery are core.imports'."""

from core.imports import service

from ..choices import ImportKind
from . import attendance, bank, payroll, roster
from .base import check_may_submit

IMPORTERS = {ImportKind.ROSTER: roster.IMPORTER, ImportKind.PAYROLL: payroll.IMPORTER,
             ImportKind.BANK_STATEMENT: bank.IMPORTER, ImportKind.ATTENDANCE: attendance.IMPORTER}


def stage(project, kind, *, actor, file_name="", data: bytes | None = None, items: list | None = None, month=None):
    """A queued job for a workbook (`data`) or API rows (`items`); the actor must be able to change the project."""
    from ..models import ProjectImport

    check_may_submit(project, actor)
    return service.stage(ProjectImport, actor=actor, file_name=file_name or f"api-{kind}", data=data, items=items,
                         project=project, kind=kind, month=month)


def submit(project, kind, **kwargs):
    """Stage and run (or queue, when large: core.imports.service.start decides) a submission."""
    return service.start(stage(project, kind, **kwargs))


__all__ = ["IMPORTERS", "stage", "submit"]
