"""API bodies of the cases app. Personal data is masked in every response; writes carry it in."""

from decimal import Decimal

from rest_framework import serializers

from accounts.api.serializers import DistrictBriefSerializer
from accounts.models import District
from core import bounds
from core.api.citations import CitationsField
from core.api.fields import ProvisionalDeadlinesField
from projects.models import Project

from .. import rules
from ..choices import Channel
from ..models import Case, Complaint


class ComplaintSerializer(serializers.ModelSerializer):
    """A complaint as read: the complainant masked (张**, 138****5678, 6201**********123X)."""

    district = DistrictBriefSerializer(read_only=True)
    complainant_name = serializers.CharField(source="masked_name", read_only=True)
    complainant_phone = serializers.CharField(source="masked_phone", read_only=True)
    complainant_id_number = serializers.CharField(source="masked_id_number", read_only=True)
    case_number = serializers.CharField(source="case.number", read_only=True, default=None, allow_null=True)
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    citations = CitationsField({"acceptance_deadline": rules.ACCEPTANCE_RULE})
    provisional_deadlines = ProvisionalDeadlinesField(["acceptance_deadline"])

    class Meta:
        model = Complaint
        fields = ["id", "tracking_number", "kind", "channel", "status", "status_display", "received_at",
                  "acceptance_deadline", "deadline_error", "provisional_deadlines", "anonymous", "complainant_name",
                  "complainant_phone",
                  "complainant_id_number", "employer_name", "employer_credit_code", "enterprise", "project",
                  "workplace_address", "district", "workers_count", "amount_owed", "owed_from", "owed_to",
                  "description", "group_lead", "case", "case_number", "refusal_ground", "decision_reason",
                  "referred_to", "decided_at", "citations"]


class ComplaintCreateSerializer(serializers.ModelSerializer):
    """What a department submits. The district is routed from the employer or project when they are on file
    (属地管理); `district` (a division code) is used only otherwise."""

    complainant_name = serializers.CharField(required=False, allow_blank=True, max_length=50)
    complainant_id_number = serializers.CharField(required=False, allow_blank=True, max_length=18)
    complainant_phone = bounds.api_phone(required=False, allow_blank=True)
    workers_count = bounds.api_headcount(required=False)
    amount_owed = bounds.api_money(minimum=Decimal(0), required=False)
    owed_from = bounds.api_past_date(required=False, allow_null=True)
    owed_to = bounds.api_past_date(required=False, allow_null=True)
    channel = serializers.ChoiceField(choices=Channel.choices, default=Channel.DEPARTMENT)
    district = serializers.SlugRelatedField(slug_field="code", queryset=District.objects.all(), required=False,
                                            allow_null=True, write_only=True)

    class Meta:
        model = Complaint
        fields = ["kind", "channel", "anonymous", "complainant_name", "complainant_id_number", "complainant_phone",
                  "employer_name", "employer_credit_code", "project", "workplace_address", "district",
                  "workers_count", "amount_owed", "owed_from", "owed_to", "description"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None:

            # Only projects the caller may see can be named (style rule 11: narrow foreign-key choices).
            self.fields["project"].queryset = Project.objects.visible_to(request.user)

    def to_representation(self, instance):
        return ComplaintSerializer(instance, context=self.context).data


class CaseSerializer(serializers.ModelSerializer):
    district = DistrictBriefSerializer(read_only=True)
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    next_deadline = serializers.DateField(read_only=True, allow_null=True)
    citations = CitationsField(rules.DEADLINE_RULES)
    provisional_deadlines = ProvisionalDeadlinesField(
        ["investigation_deadline", "order_deadline", "next_deadline", "supervision_deadline"])

    class Meta:
        model = Case
        fields = ["id", "number", "district", "enterprise", "project", "employer_name", "source", "status",
                  "status_display", "filed_on", "investigation_deadline", "extension_status", "order_deadline",
                  "next_deadline", "workers_owed", "amount_owed", "months_owed", "recovered_amount",
                  "recovered_workers", "compensation_amount", "flagged", "listed_supervision",
                  "supervision_deadline", "provisional_deadlines", "outcome", "closed_on", "citations"]


class CloseSerializer(serializers.Serializer):
    outcome = serializers.CharField()
    summary = serializers.CharField()
