"""Warning pages: the scoped list with filters and export, the warning page (evidence, history, disposal), the rule
catalogue, the run history, and the fragment the project and enterprise pages load into their "warnings" tab."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from cases import facts as case_facts
from core.formats import yuan
from core.views import FilteredListView
from kernel.errors import DomainError, form_error_from
from kernel.fetch import may_act_on
from kernel.roles import Action, Role
from kernel.scoping import can
from kernel.views import page_object

from . import services
from .filtersets import WarningFilterSet
from .forms import DisposeForm
from .models import EvaluationRun, Warning, WarningStatus
from .parameters import rows_on
from .rules import all_rules
from .rules.base import Level, Subject

SUBJECT_PAGES = {
    Subject.PROJECT: "projects:detail",
    Subject.ENTERPRISE: "enterprises:detail",
    Subject.COMPLAINT: "cases:complaint-detail",
    Subject.CASE: "cases:detail",
    Subject.DEPOSIT: "deposits:detail",
    Subject.LISTING: "blacklist:detail",
}


def specs() -> dict:
    return {spec.code: spec for spec, _evaluate in all_rules()}


def rule_name(code: str) -> str:
    spec = specs().get(code)
    return _(spec.name) if spec is not None else code


def cause_link(warning) -> str:
    """The page where the cause is fixed (the subject's own page), or ""."""
    name, pk = SUBJECT_PAGES.get(warning.subject), warning.subject_id
    if warning.subject == Subject.ORDER:
        name, pk = "cases:detail", case_facts.case_id_of_order(warning.subject_id)
    elif warning.subject == Subject.SYSTEM:
        return reverse("earlywarning:runs") if warning.part == "nightly" else reverse("admin:index")
    elif name is None and warning.project_id:
        name, pk = "projects:detail", warning.project_id
    if name is None or pk is None:
        return ""
    try:
        return reverse(name, args=[pk])
    except NoReverseMatch:
        return ""


def evidence_rows(warning, spec) -> list[tuple[str, str]]:
    labels = spec.evidence_labels if spec is not None else {}
    order = list(labels)
    rows = []
    for key, value in sorted(
        warning.evidence.items(), key=lambda kv: (order.index(kv[0]) if kv[0] in order else len(order), kv[0])
    ):
        if isinstance(value, bool):
            value = _("Yes") if value else _("No")
        elif isinstance(value, list):
            value = "、".join(str(v) for v in value) or "—"
        elif value in ("", None):
            value = "—"
        elif key in labels and _is_money_label(labels[key]):
            value = yuan(value)  # evidence is frozen as text; money is shown as money everywhere (core.formats)
        rows.append((_(labels[key]) if key in labels else key, value))
    return rows


def _is_money_label(label) -> bool:
    """An amount, by the house convention for money labels: the English source ends with "(CNY)"."""
    with translation.override(None):
        return str(label).endswith("(CNY)")


def may_read_catalogue(user) -> bool:
    return user.is_superuser or user.role not in (Role.ENTERPRISE, Role.API_CLIENT)


def bounds_text(param) -> str:
    """The range a city administrator may set, as "1 – 59" ("—" for an open end)."""
    low = "—" if param.minimum is None else str(param.minimum)
    high = "—" if param.maximum is None else str(param.maximum)
    return f"{low} – {high}"


class WarningListView(FilteredListView):
    model = Warning
    filterset_class = WarningFilterSet
    template_name = "earlywarning/warning_list.html"
    export_filename = "warnings"
    export_columns = [
        (gettext_lazy("Rule"), lambda w: w.rule),
        (gettext_lazy("Warning"), lambda w: rule_name(w.rule)),
        (gettext_lazy("Level"), lambda w: w.get_level_display()),
        (gettext_lazy("Status"), lambda w: w.get_status_display()),
        (gettext_lazy("Subject"), lambda w: w.get_subject_display()),
        (gettext_lazy("Project"), lambda w: w.project.name if w.project else ""),
        (gettext_lazy("Enterprise"), lambda w: w.enterprise.name if w.enterprise else ""),
        (gettext_lazy("District"), lambda w: w.district.name if w.district else ""),
        (gettext_lazy("Raised on"), lambda w: w.raised_on),
        (gettext_lazy("Clear by"), lambda w: w.due_on),
        (gettext_lazy("Escalations"), lambda w: w.escalations),
        (gettext_lazy("How cleared"), lambda w: w.get_cleared_how_display()),
    ]

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("district", "enterprise", "project")
            .order_by("status", "-raised_at", "-pk")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        names = {code: _(spec.name) for code, spec in specs().items()}
        today = timezone.localdate()
        for warning in context["object_list"]:
            warning.rule_name = names.get(warning.rule, warning.rule)
            warning.overdue = warning.is_open and warning.due_on < today
        context["show_catalogue"] = may_read_catalogue(self.request.user)
        return context


def _warning(request, pk, action=Action.VIEW):
    return page_object(
        request, Warning.objects.select_related("district", "enterprise", "project", "cleared_by"), action, pk=pk
    )


@login_required
def warning_detail(request, pk, form=None, status=200):
    warning = _warning(request, pk)
    spec = specs().get(warning.rule)
    may_dispose = (
        warning.is_open and may_act_on(request.user, Action.CHANGE, warning)
    )
    return render(
        request,
        "earlywarning/warning_detail.html",
        {
            "warning": warning,
            "spec": spec,
            "rule_name": rule_name(warning.rule),
            "evidence": evidence_rows(warning, spec),
            "history": warning.events.select_related("by"),
            "cause_link": cause_link(warning),
            "may_dispose": may_dispose,
            "overdue": warning.is_open and warning.due_on < timezone.localdate(),
            "form": form or (DisposeForm() if may_dispose else None),
        },
        status=status,
    )


@login_required
@require_POST
def warning_dispose(request, pk):
    warning = _warning(request, pk)
    form = DisposeForm(request.POST)
    if not form.is_valid():
        return warning_detail(request, pk, form=form, status=400)
    try:
        services.dispose(warning, request.user, form.cleaned_data["note"])
    except PermissionDenied as exc:
        raise Http404 from exc
    except DomainError as exc:
        form_error_from(form, exc)
        return warning_detail(request, pk, form=form, status=400)
    messages.success(request, _("The warning is disposed of; the history keeps your note."))
    return redirect(warning.get_absolute_url())


@login_required
def catalogue(request):
    if not may_read_catalogue(request.user):
        raise Http404
    today = timezone.localdate()
    rules = []
    for spec, _evaluate in all_rules():
        rows = rows_on(spec.code, today)
        params = [
            {
                "key": key,
                "label": param.label,
                "value": rows[key].value if key in rows else param.default,
                "effective_from": rows[key].effective_from if key in rows else None,
                "bounds": bounds_text(param),
            }
            for key, param in spec.params.items()
        ]
        rules.append({"spec": spec, "params": params})
    return render(
        request, "earlywarning/catalogue.html", {"rules": rules, "today": today, "may_edit": request.user.is_city_admin}
    )


@login_required
def runs(request):
    if not can(request.user, Action.VIEW, EvaluationRun):
        raise Http404
    page = list(EvaluationRun.objects.visible_to(request.user)[:50])
    return render(request, "earlywarning/runs.html", {"runs": page})


@login_required
def fragment(request, kind, pk):
    """The open warnings of one project or enterprise (and the latest cleared), for the page's warnings tab."""
    field = {"project": "project_id", "enterprise": "enterprise_id"}.get(kind)
    if field is None:
        raise Http404
    qs = Warning.objects.visible_to(request.user).filter(**{field: pk}).select_related("project")
    names = {code: _(spec.name) for code, spec in specs().items()}
    open_rows = list(qs.filter(status=WarningStatus.OPEN).order_by("-raised_at")[:50])
    cleared = list(qs.filter(status=WarningStatus.CLEARED).order_by("-cleared_at")[:10])
    for warning in open_rows + cleared:
        warning.rule_name = names.get(warning.rule, warning.rule)
    worst = max((Level(w.level) for w in open_rows), key=lambda level: level.rank, default=None)
    return render(
        request,
        "earlywarning/_fragment.html",
        {"open": open_rows, "cleared": cleared, "worst": worst, "kind": kind, "pk": pk},
    )
