from .plans import (
    PlanListView,
    batch_add,
    batch_commit,
    draw_act,
    draw_detail,
    item_list,
    plan_create,
    plan_detail,
    result_form,
    result_publish,
)
from .public import public_draw, public_draw_record, public_home, public_items
from .roster import InspectorListView, inspector_create, inspector_detail, inspector_edit, recusal_add
from .staffing import staffing

__all__ = [
    "InspectorListView",
    "PlanListView",
    "batch_add",
    "batch_commit",
    "draw_act",
    "draw_detail",
    "inspector_create",
    "inspector_detail",
    "inspector_edit",
    "item_list",
    "plan_create",
    "plan_detail",
    "public_draw",
    "public_draw_record",
    "public_home",
    "public_items",
    "recusal_add",
    "result_form",
    "result_publish",
    "staffing",
]
