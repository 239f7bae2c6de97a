"""Models of the projects app: projects and their parties, the dedicated wage account, real-name
workers, monthly payroll, imports and the city's compliance targets."""

from .account import AccountMovement, WageAccount
from .attendance import Attendance
from .imports import ProjectImport
from .payroll import PayrollBatch, PayrollLine, RetentionError
from .project import ComplianceTarget, Project, ProjectParty
from .workers import Employment, Worker

__all__ = [
    "AccountMovement",
    "Attendance",
    "ComplianceTarget",
    "Employment",
    "PayrollBatch",
    "PayrollLine",
    "Project",
    "ProjectImport",
    "ProjectParty",
    "RetentionError",
    "WageAccount",
    "Worker",
]
