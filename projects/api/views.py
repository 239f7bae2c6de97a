"""API of the projects app: projects with compliance and permit preconditions, workers (masked), payroll
summaries, and roster and payroll submission by enterprise clients."""

import datetime as dt

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from core.collation import pinyin
from core.imports import service
from core.imports.states import ImportState
from core.search import is_id_number
from core.workdays import WorkdayCalendar
from kernel import crypto
from kernel.api.viewsets import ScopedReadOnlyViewSet
from kernel.roles import Action

from .. import compliance, importers, permits
from ..choices import ImportKind
from ..filtersets import AttendanceFilterSet, PayrollBatchFilterSet, ProjectFilterSet, WorkerFilterSet
from ..models import Attendance, PayrollBatch, Project, ProjectImport, Worker
from .serializers import (
    AttendanceSerializer,
    AttendanceSubmissionSerializer,
    PayrollBatchSerializer,
    ProjectImportSerializer,
    ProjectSerializer,
    SubmissionSerializer,
    WorkerLookupSerializer,
    WorkerSerializer,
    compliance_data,
)


class ProjectViewSet(ScopedReadOnlyViewSet):
    """Construction projects in the caller's scope, each with its real-name compliance and its construction-
    permit preconditions. A fixed number of queries per page, whatever the page size."""

    queryset = Project.objects.select_related("district", "client", "general_contractor").order_by("-created_at",
                                                                                                    "-pk")
    serializer_class = ProjectSerializer
    filterset_class = ProjectFilterSet
    ordering_fields = ["code", "name", "contract_amount", "created_at"]
    action_scopes = {"roster": "change", "payroll": "change"}

    def _context(self, projects):
        return {**self.get_serializer_context(),
                "compliance": compliance.for_projects([p.pk for p in projects]),
                "eligibility": permits.eligibility_for(projects)}

    def list(self, request, *args, **kwargs):
        queryset = self.filter_queryset(self.get_queryset())
        projects = list(self.paginate_queryset(queryset))
        data = ProjectSerializer(projects, many=True, context=self._context(projects)).data
        return self.get_paginated_response(data)

    def retrieve(self, request, *args, **kwargs):
        project = self.get_object()
        return Response(ProjectSerializer(project, context=self._context([project])).data)

    @extend_schema(responses=dict)
    @action(detail=True, methods=["get"], url_path="permit-eligibility")
    def permit_eligibility(self, request, pk=None):
        """Construction-permit preconditions (施工许可前置条件) and what is still missing: for the construction
        bureau before it issues a permit."""
        project = self.get_object()
        return Response({"project": project.pk, "code": project.code, **permits.eligibility(project).as_dict()})

    @extend_schema(responses=dict)
    @action(detail=True, methods=["get"])
    def compliance(self, request, pk=None):
        """Real-name compliance ratios against the targets in force."""
        project = self.get_object()
        return Response({"project": project.pk, **compliance_data(compliance.for_project(project))})

    @extend_schema(request=SubmissionSerializer, responses=ProjectImportSerializer)
    @action(detail=True, methods=["post"])
    def roster(self, request, pk=None):
        """Submit the worker roster as rows (fields as in the Excel template: name, id_number, entered_on, …)."""
        return self._submit(request, ImportKind.ROSTER)

    @extend_schema(request=SubmissionSerializer, responses=ProjectImportSerializer)
    @action(detail=True, methods=["post"])
    def payroll(self, request, pk=None):
        """Submit a month's payroll ({"month": "2026-03", "rows": [...]}). A month already on file answers
        202 with status "confirm" and the changes; confirm with POST /project-imports/{id}/confirm/."""
        return self._submit(request, ImportKind.PAYROLL)

    def _submit(self, request, kind):
        project = self.get_object()
        body = SubmissionSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        month = None
        if kind == ImportKind.PAYROLL:
            if "month" not in body.validated_data:
                return Response({"month": ["This field is required."]}, status=status.HTTP_400_BAD_REQUEST)
            month = dt.date.fromisoformat(body.validated_data["month"] + "-01")
        # Small submissions are validated within the request, larger ones by a worker (202): the service decides.
        job = importers.submit(project, kind, actor=request.user, items=body.validated_data["rows"], month=month)
        code = {ImportState.SUCCEEDED: status.HTTP_201_CREATED, ImportState.FAILED: status.HTTP_400_BAD_REQUEST}.get(
            job.status, status.HTTP_202_ACCEPTED)
        return Response(ProjectImportSerializer(job).data, status=code)


class ProjectImportViewSet(ScopedReadOnlyViewSet):
    """Submissions (Excel or API) and their results; poll one until it is done."""

    queryset = ProjectImport.objects.order_by("-created_at", "-pk")
    serializer_class = ProjectImportSerializer
    action_scopes = {"confirm": "change"}

    @extend_schema(request=None, responses=ProjectImportSerializer)
    @action(detail=True, methods=["post"])
    def confirm(self, request, pk=None):
        """Apply a month's replacement after reviewing its changes."""
        job = service.confirm(self.get_object(), actor=request.user)
        return Response(ProjectImportSerializer(job).data)


class WorkerViewSet(ScopedReadOnlyViewSet):
    """Real-name registered workers, ID and phone masked. `?q=` takes a name; a full ID number is looked up
    with `POST /api/v1/workers/lookup/` (`{"id_number": …}`), so that it stands in no URL and no access log
    (matched through its keyed hash)."""

    queryset = Worker.objects.order_by(pinyin("name"), "pk")
    serializer_class = WorkerSerializer
    filterset_class = WorkerFilterSet
    action_scopes = {"lookup": Action.VIEW}  # a POST that reads

    def filter_queryset(self, queryset):
        if is_id_number("".join(self.request.query_params.get("q", "").split())):
            raise ValidationError({"q": [_("Send a full ID number by POST to /api/v1/workers/lookup/, never in "
                                           "the address.")]})
        return super().filter_queryset(queryset)

    @extend_schema(request=WorkerLookupSerializer, responses=WorkerSerializer(many=True))
    @action(detail=False, methods=["post"])
    def lookup(self, request):
        """The workers (in your scope) with this full ID number: at most one."""
        form = WorkerLookupSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        found = self.get_queryset().filter(id_number_index=crypto.blind_index(form.validated_data["id_number"]))
        page = self.paginate_queryset(found)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


class PayrollBatchViewSet(ScopedReadOnlyViewSet):
    """Monthly payroll summaries per project: headcount, gross, net, paid, workers not fully paid, pay date."""

    queryset = PayrollBatch.objects.select_related("project").order_by("-month", "project_id")
    serializer_class = PayrollBatchSerializer
    filterset_class = PayrollBatchFilterSet

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "calendar": WorkdayCalendar()}


class AttendanceViewSet(ScopedReadOnlyViewSet):
    """Monthly attendance per worker (days on site), in the caller's scope; ID numbers masked.

    POST: a gate system submits one project's month, `{"project": "<code>", "month": "2026-03", "rows":
    [{"id_number": "...", "name": "...", "days_on_site": 21.5}, ...]}`. The rows are validated as the Excel
    import is (all or nothing, every error with its row); a worker's month already on file is replaced, so the
    same submission sent twice changes nothing the second time. A project outside the caller's scope is 404."""

    queryset = Attendance.objects.select_related("employment__project", "employment__worker").order_by(
        "-month", "employment__project_id", "employment_id")
    serializer_class = AttendanceSerializer
    filterset_class = AttendanceFilterSet
    action_scopes = {"create": "change"}

    @extend_schema(request=AttendanceSubmissionSerializer, responses=ProjectImportSerializer)
    def create(self, request, *args, **kwargs):
        body = AttendanceSubmissionSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        project = get_object_or_404(Project.objects.visible_to(request.user, Action.CHANGE), code=data["project"])
        month = dt.date.fromisoformat(data["month"] + "-01")
        rows = [{**row, "project_code": project.code, "month": data["month"]} for row in data["rows"]]
        job = importers.submit(project, ImportKind.ATTENDANCE, actor=request.user, items=rows, month=month)
        code = {ImportState.SUCCEEDED: status.HTTP_201_CREATED, ImportState.FAILED: status.HTTP_400_BAD_REQUEST}.get(
            job.status, status.HTTP_202_ACCEPTED)
        return Response(ProjectImportSerializer(job).data, status=code)
