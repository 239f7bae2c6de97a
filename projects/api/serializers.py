"""API shapes. Personal data only masked: the full ID, card or phone number is never in a response body."""

import datetime as dt

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from accounts.api.serializers import DistrictBriefSerializer
from core import bounds, identity
from core.workdays import CalendarNotCovered, WorkdayCalendar

from ..models import Attendance, Employment, PayrollBatch, Project, ProjectImport, Worker


class EnterpriseBriefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    credit_code = serializers.CharField()


def compliance_data(result) -> dict:
    return {"workers": result.total, "ok": result.ok, "ratios": [
        {"indicator": r.metric.value, "label": str(r.label), "count": r.count, "total": r.total,
         "share": str(r.ratio) if r.ratio is not None else None, "target": str(r.target), "met": r.ok}
        for r in result.ratios]}


class ProjectSerializer(serializers.ModelSerializer):
    district_detail = DistrictBriefSerializer(source="district", read_only=True)
    client = EnterpriseBriefSerializer(read_only=True)
    general_contractor = EnterpriseBriefSerializer(read_only=True)
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    wage_officer_phone = serializers.CharField(source="masked_wage_officer_phone", read_only=True)
    manager_phone = serializers.CharField(source="masked_manager_phone", read_only=True)
    compliance = serializers.SerializerMethodField()
    permit_eligibility = serializers.SerializerMethodField()

    class Meta:
        model = Project
        fields = ["id", "code", "name", "district", "district_detail", "address", "kind", "status", "status_display",
                  "client", "general_contractor", "contract_amount", "government_invested", "funding_source",
                  "contract_signed_on", "planned_start_on", "planned_completion_on", "actual_start_on",
                  "actual_completion_on", "wages_settled_on", "permit_number", "manager_name", "manager_phone",
                  "wage_officer_name", "wage_officer_phone", "funds_confirmed_on", "pay_day", "pay_in_next_month",
                  "compliance", "permit_eligibility"]
        read_only_fields = fields

    def get_compliance(self, project) -> dict:
        return compliance_data(self.context["compliance"][project.pk])

    def get_permit_eligibility(self, project) -> dict:
        return self.context["eligibility"][project.pk].as_dict()


class WorkerSerializer(serializers.ModelSerializer):
    id_number = serializers.CharField(source="masked_id_number", read_only=True)
    phone = serializers.CharField(source="masked_phone", read_only=True)

    class Meta:
        model = Worker
        fields = ["id", "name", "id_number", "sex", "birth_date", "phone", "home_region"]
        read_only_fields = fields


class WorkerLookupSerializer(serializers.Serializer):
    """A full ID number, sent in the body of POST /api/v1/workers/lookup/ (never in a URL)."""

    id_number = serializers.CharField(max_length=32, write_only=True)

    def validate_id_number(self, value):
        try:
            return identity.parse_id_number(value)
        except identity.InvalidIdNumber as exc:
            raise serializers.ValidationError(str(exc)) from exc


class EmploymentSerializer(serializers.ModelSerializer):
    worker = WorkerSerializer(read_only=True)
    wage_card_number = serializers.CharField(source="masked_card_number", read_only=True)
    contract_after_entry = serializers.BooleanField(read_only=True)

    class Meta:
        model = Employment
        fields = ["id", "project", "worker", "employer", "team", "trade", "entered_on", "exited_on",
                  "contract_signed_on", "contract_after_entry", "wage_card_bank", "wage_card_number", "card_issued_on",
                  "card_held_by_worker", "card_activated"]
        read_only_fields = fields


class PayrollBatchSerializer(serializers.ModelSerializer):
    project_code = serializers.CharField(source="project.code", read_only=True)
    pay_due_on = serializers.SerializerMethodField()
    pay_due_on_provisional = serializers.SerializerMethodField(
        help_text="True when the pay date was counted with a provisional holiday schedule (it may change).")
    pay_due_on_unavailable_reason = serializers.SerializerMethodField(
        help_text="Why pay_due_on is null (empty when it is given).")

    class Meta:
        model = PayrollBatch
        fields = ["id", "project", "project_code", "month", "pay_due_on", "pay_due_on_provisional",
                  "pay_due_on_unavailable_reason", "worker_count", "gross_total", "net_total", "paid_total",
                  "unpaid_count", "submitted_on", "officer_confirmed_at"]
        read_only_fields = fields

    def _calendar(self):
        if "calendar" not in self.context:
            self.context["calendar"] = WorkdayCalendar()
        return self.context["calendar"]

    def _pay_due(self, batch) -> tuple[dt.date | None, str]:
        """(the pay date, why it is missing). Only an uncovered calendar year is expected here; any other
        error is a bug and propagates."""
        cache = self.context.setdefault("_pay_due", {})
        if batch.pk not in cache:
            try:
                cache[batch.pk] = (batch.project.pay_due_date(batch.month, self._calendar()), "")
            except CalendarNotCovered as exc:
                cache[batch.pk] = (None, gettext(
                    "No working-day schedule for %(year)d: the pay date cannot be computed until the city "
                    "enters that year's schedule.") % {"year": exc.year})
        return cache[batch.pk]

    def get_pay_due_on(self, batch) -> dt.date | None:
        return self._pay_due(batch)[0]

    def get_pay_due_on_provisional(self, batch) -> bool:
        due = self._pay_due(batch)[0]
        return due is not None and self._calendar().is_provisional(due, batch.project.agreed_pay_date(batch.month))

    def get_pay_due_on_unavailable_reason(self, batch) -> str:
        return self._pay_due(batch)[1]


class ProjectImportSerializer(serializers.ModelSerializer):
    class Meta:
        model = ProjectImport
        fields = ["id", "project", "kind", "month", "status", "total_rows", "processed_rows", "created_count",
                  "updated_count", "removed_count", "unchanged_count", "errors", "ignored_columns", "changes",
                  "created_at", "finished_at"]
        read_only_fields = fields


class SubmissionSerializer(serializers.Serializer):
    """A roster or a month's payroll as JSON rows; the row fields are the importer's column field names."""

    month = serializers.RegexField(r"^\d{4}-\d{2}$", required=False, validators=[bounds.validate_month_text],
                                   error_messages={"invalid": _("Enter a month as year-month, e.g. 2026-03.")})
    rows = serializers.ListField(child=serializers.DictField(), min_length=1, max_length=50_000)


class AttendanceSerializer(serializers.ModelSerializer):
    project = serializers.IntegerField(source="employment.project_id", read_only=True)
    project_code = serializers.CharField(source="employment.project.code", read_only=True)
    worker_name = serializers.CharField(source="employment.worker.name", read_only=True)
    worker_id_number = serializers.CharField(source="employment.worker.masked_id_number", read_only=True)

    class Meta:
        model = Attendance
        fields = ["id", "project", "project_code", "employment", "worker_name", "worker_id_number", "month",
                  "days_on_site", "source", "recorded_at"]
        read_only_fields = fields


class AttendanceSubmissionSerializer(serializers.Serializer):
    """A gate system's attendance of one project and month. The rows are checked by the attendance importer
    (roster, name, days in the month) as an Excel file would be; the shape is checked here."""

    project = serializers.CharField(max_length=40, help_text="The project code.")
    month = serializers.RegexField(r"^\d{4}-\d{2}$", validators=[bounds.validate_month_text],
                                   error_messages={"invalid": _("Enter a month as year-month, e.g. 2026-03.")})
    rows = serializers.ListField(child=serializers.DictField(), min_length=1, max_length=50_000)
