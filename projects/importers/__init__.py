"""Excel and API submissions for a project: the worker roster, a month's payroll, a bank statement.

Each importer declares its COLUMNS (the Chinese headers are the file format; API bodies use the field
names), validates every row of the submission without writing, and applies a valid submission in one
transaction, set-based. projects.importers.runner drives a ProjectImport job through its states."""

from . import bank, payroll, roster  # noqa: F401 (re-exported)
from .common import template_workbook

IMPORTERS = {"roster": roster, "payroll": payroll, "bank_statement": bank}

__all__ = ["IMPORTERS", "template_workbook"]
