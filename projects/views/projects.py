"""Project list, the project page with its tabs, and the forms that change a project."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import DetailView

from core.collation import pinyin
from core.imports.states import ImportState
from core.views import FilteredListView
from core.workdays import CalendarNotCovered, WorkdayCalendar
from kernel.errors import DomainError, message_from
from kernel.fetch import may_act_on
from kernel.roles import Action
from kernel.scoping import can
from kernel.views import ScopedMixin, page_object, require_action

from .. import compliance, permits, rules, services
from ..choices import STATUS_TRANSITIONS, NoticeBoardItem, ProjectStatus
from ..filtersets import ProjectFilterSet
from ..forms import (
    FundsForm,
    MovementForm,
    NoticeBoardForm,
    ProjectForm,
    StatusForm,
    SubcontractorForm,
    WageAccountForm,
)
from ..models import (
    AccountMovement,
    Employment,
    PayrollBatch,
    PayrollLine,
    Project,
    ProjectImport,
    ProjectParty,
    WageAccount,
)

TABS = [("overview", gettext_lazy("Overview")), ("parties", gettext_lazy("Parties")),
        ("account", gettext_lazy("Wage account")), ("workers", gettext_lazy("Workers")),
        ("payroll", gettext_lazy("Payroll")), ("compliance", gettext_lazy("Compliance"))]
WORKERS_PER_PAGE = 50
MOVEMENTS_SHOWN = 50


def _yes_no(value):
    return str(gettext_lazy("Yes") if value else gettext_lazy("No"))


class ProjectListView(FilteredListView):
    """A fixed number of queries whatever the page size: compliance and permit answers are computed for the
    page's projects in one grouped query per kind."""

    model = Project
    filterset_class = ProjectFilterSet
    template_name = "projects/project_list.html"
    export_filename = "projects"
    export_columns = [
        (gettext_lazy("Project code"), lambda p: p.code),
        (gettext_lazy("Name"), lambda p: p.name),
        (gettext_lazy("District"), lambda p: p.district.name),
        (gettext_lazy("Kind"), lambda p: p.get_kind_display()),
        (gettext_lazy("Status"), lambda p: p.get_status_display()),
        (gettext_lazy("Construction client"), lambda p: p.client.name),
        (gettext_lazy("General contractor"), lambda p: p.general_contractor.name),
        (gettext_lazy("Contract amount (CNY)"), lambda p: p.contract_amount),
        (gettext_lazy("Government-invested"), lambda p: _yes_no(p.government_invested)),
        (gettext_lazy("Contract signed"), lambda p: p.contract_signed_on),
        (gettext_lazy("Labour-wage officer"), lambda p: p.wage_officer_name),
    ]

    def get_queryset(self):
        return super().get_queryset().select_related("district", "client", "general_contractor").order_by(
            "-created_at", "-pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = list(context["object_list"])
        checks = compliance.for_projects([p.pk for p in rows])
        eligibility = permits.eligibility_for(rows)
        context["rows"] = [(p, checks[p.pk], eligibility[p.pk]) for p in rows]
        context["can_add"] = can(self.request.user, Action.ADD, Project)
        return context


class ProjectDetailView(ScopedMixin, DetailView):
    """The project page: a header with status and actions, then one tab (?tab=) loaded at a time."""

    model = Project
    template_name = "projects/project_detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related("district", "client", "general_contractor")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user, project = self.request.user, self.object
        tab = self.request.GET.get("tab", "overview")
        tab = tab if tab in dict(TABS) else "overview"
        may_change = may_act_on(user, Action.CHANGE, project)
        context.update(tab=tab, tabs=TABS, may_change=may_change,
                       may_edit=may_change and can(user, Action.ADD, Project),
                       eligibility=permits.eligibility(project))
        context.update(getattr(self, f"tab_{tab}")(user, project))
        return context

    def tab_overview(self, user, project):
        return {"notice_missing": project.notice_board_missing, "notice_items": NoticeBoardItem.choices,
                "account_deadline": project.account_deadline,
                "next_status": [ProjectStatus(s) for s in STATUS_TRANSITIONS[ProjectStatus(project.status)]]}

    def tab_parties(self, user, project):
        return {"parties": list(ProjectParty.objects.visible_to(user).filter(project=project)
                                .select_related("enterprise"))}

    def tab_account(self, user, project):
        account = getattr(project, "wage_account", None)
        if account is None:
            return {"account": None}
        return {"account": account, "totals": account.totals(),
                "movements": list(AccountMovement.objects.visible_to(user).filter(account=account)[:MOVEMENTS_SHOWN])}

    def tab_workers(self, user, project):
        from django.core.paginator import Paginator

        employments = (Employment.objects.visible_to(user).filter(project=project)
                       .select_related("worker", "employer").order_by("team", pinyin("worker__name"), "pk"))
        page = Paginator(employments, WORKERS_PER_PAGE).get_page(self.request.GET.get("page"))
        return {"page_obj": page, "employments": page.object_list, "querystring": "tab=workers"}

    def tab_payroll(self, user, project):

        calendar = WorkdayCalendar()
        batches = list(PayrollBatch.objects.visible_to(user).filter(project=project)
                       .select_related("officer_confirmed_by").order_by("-month"))
        rows = []
        for batch in batches:
            batch.project = project
            try:
                due = project.pay_due_date(batch.month, calendar)
            except CalendarNotCovered:  # a year the calendar does not cover yet: the page says so
                due = None
            rows.append((batch, due))
        imports = list(ProjectImport.objects.visible_to(user).filter(project=project)
                       .select_related("created_by")[:10])
        return {"batches": rows, "imports": imports, "open_statuses": [*ImportState.open(), ImportState.CONFIRM]}

    def tab_compliance(self, user, project):
        return {"compliance": compliance.for_project(project),
                "flagged": list(Employment.objects.visible_to(user).filter(project=project)
                                .select_related("worker").order_by(pinyin("worker__name"), "pk")
                                .only("pk", "entered_on", "contract_signed_on", "card_issued_on",
                                      "card_held_by_worker", "card_activated", "worker__name", "worker__id_number",
                                      "worker__id")[:2000]),
                "card_months": rules.CARD_ISSUE_MONTHS}


def _changeable(request, pk):
    return page_object(request, Project.objects.select_related("district", "client", "general_contractor"),
                       Action.CHANGE, pk=pk)


def _staff_changeable(request, pk):
    """Registry facts of a project (parties, funding, status) are kept by the bureau, not by enterprises."""
    project = _changeable(request, pk)
    require_action(request.user, Action.ADD, Project)
    return project


@login_required
def project_create(request):
    require_action(request.user, Action.ADD, Project)
    form = ProjectForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        project = services.save_project(form.save(commit=False), actor=request.user)
        messages.success(request, _("Project registered."))
        return redirect(project)
    return render(request, "projects/form.html", {"form": form, "title": _("Register project")})


@login_required
def project_update(request, pk):
    project = _staff_changeable(request, pk)
    form = ProjectForm(request.POST or None, instance=project, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.save_project(form.save(commit=False), actor=request.user, changed=form.changed_data)
        messages.success(request, _("Changes saved."))
        return redirect(project)
    return render(request, "projects/form.html", {"form": form, "project": project, "title": _("Edit project")})


@login_required
def subcontractor_add(request, pk):
    project = _staff_changeable(request, pk)
    form = SubcontractorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        party = form.save(commit=False)
        party.project, party.enterprise = project, form.cleaned_data["credit_code"]
        services.add_subcontractor(party, actor=request.user)
        messages.success(request, _("Subcontractor added."))
        return redirect(f"{project.get_absolute_url()}?tab=parties")
    return render(request, "projects/form.html", {"form": form, "project": project, "title": _("Add subcontractor")})


@login_required
def account_edit(request, pk):
    project = _changeable(request, pk)
    account = getattr(project, "wage_account", None)
    form = WageAccountForm(request.POST or None, request.FILES or None, instance=account)
    if request.method == "POST" and form.is_valid():
        account = form.save(commit=False)
        account.project = project
        services.save_wage_account(account, actor=request.user, changed=form.changed_data)
        messages.success(request, _("Account saved."))
        return redirect(f"{project.get_absolute_url()}?tab=account")
    return render(request, "projects/form.html", {"form": form, "project": project, "multipart": True,
                                                  "title": _("Dedicated wage account")})


@login_required
def movement_add(request, pk):
    project = _changeable(request, pk)
    account = page_object(request, WageAccount, Action.CHANGE, project=project)
    form = MovementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        movement = form.save(commit=False)
        movement.account = account
        services.record_movement(movement, actor=request.user)
        messages.success(request, _("Movement recorded."))
        return redirect(f"{project.get_absolute_url()}?tab=account")
    return render(request, "projects/form.html", {"form": form, "project": project, "title": _("Record movement")})


@login_required
def notice_board(request, pk):
    project = _changeable(request, pk)
    form = NoticeBoardForm(request.POST or None, request.FILES or None,
                           initial={"items": project.notice_board_items})
    if request.method == "POST" and form.is_valid():
        services.update_notice_board(project, actor=request.user, photo=form.cleaned_data["photo"],
                                     items=form.cleaned_data["items"])
        messages.success(request, _("Notice board saved."))
        return redirect(project)
    return render(request, "projects/form.html", {"form": form, "project": project, "multipart": True,
                                                  "title": _("Workers' rights notice board")})


@login_required
def confirm_funds(request, pk):
    project = _staff_changeable(request, pk)
    form = FundsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.confirm_funds(project, actor=request.user, on=form.cleaned_data["on"],
                               note=form.cleaned_data["note"])
        messages.success(request, _("Funding confirmed."))
        return redirect(project)
    return render(request, "projects/form.html", {"form": form, "project": project, "title": _("Confirm funding")})


@login_required
@require_POST
def change_status(request, pk):
    project = _staff_changeable(request, pk)
    form = StatusForm(request.POST)
    if form.is_valid():
        try:
            services.change_status(project, form.cleaned_data["status"], actor=request.user)
            messages.success(request, _("Status changed."))
        except DomainError as exc:
            message_from(request, exc)
    return redirect(project)


@login_required
def payroll_month(request, pk):
    batch = page_object(request, PayrollBatch.objects.select_related(
        "project__district", "officer_confirmed_by", "submitted_by"), Action.VIEW, pk=pk)
    lines = (PayrollLine.objects.visible_to(request.user).filter(batch=batch)
             .select_related("employment__worker").order_by(pinyin("employment__worker__name"), "pk"))
    may_confirm = may_act_on(request.user, Action.CHANGE, batch)
    return render(request, "projects/payroll_month.html", {
        "batch": batch, "project": batch.project, "lines": lines, "may_confirm": may_confirm,
        "due": batch.project.pay_due_date(batch.month)})


@login_required
@require_POST
def payroll_confirm(request, pk):
    batch = page_object(request, PayrollBatch, Action.CHANGE, pk=pk)
    services.confirm_payroll(batch, actor=request.user)
    messages.success(request, _("Payroll confirmed."))
    return redirect("projects:payroll-month", pk=batch.pk)

