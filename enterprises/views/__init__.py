"""HTML views of the enterprises app, split by topic; urls.py imports them from here."""

from .grading import (
    GradeListView,
    ViolationListView,
    grade_detail,
    grade_propose,
    grades_confirm,
    grades_run,
    policy_create,
    policy_list,
    violation_create,
    violation_update,
)
from .imports import import_detail, import_progress, import_template, import_upload
from .registry import (
    EnterpriseDetailView,
    EnterpriseListView,
    contact_create,
    contact_delete,
    contact_update,
    enterprise_create,
    enterprise_update,
    my_enterprise,
)

__all__ = [
    "EnterpriseDetailView",
    "EnterpriseListView",
    "GradeListView",
    "ViolationListView",
    "contact_create",
    "contact_delete",
    "contact_update",
    "enterprise_create",
    "enterprise_update",
    "grade_detail",
    "grade_propose",
    "grades_confirm",
    "grades_run",
    "import_detail",
    "import_progress",
    "import_template",
    "import_upload",
    "my_enterprise",
    "policy_create",
    "policy_list",
    "violation_create",
    "violation_update",
]
