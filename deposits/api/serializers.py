from rest_framework import serializers

from core.api.citations import CitationsField
from core.api.fields import ProvisionalDeadlinesField
from deposits.choices import DEADLINE_RULES
from deposits.models import Approval, Deposit, EmergencyFund, FundEntry, LedgerEntry

MONEY = {"max_digits": 16, "decimal_places": 2, "read_only": True}


class ExplanationLineSerializer(serializers.Serializer):
    code = serializers.CharField()
    text = serializers.CharField()
    citation = serializers.CharField()


class DepositSerializer(serializers.ModelSerializer):
    """A deposit with its assessment; money as strings with 2 places (peers.md P31)."""

    project_code = serializers.CharField(source="project.code", read_only=True)
    project_name = serializers.CharField(source="project.name", read_only=True)
    district = serializers.IntegerField(source="project.district_id", read_only=True)
    contractor = serializers.CharField(source="enterprise.name", read_only=True)
    credit_code = serializers.CharField(source="enterprise.credit_code", read_only=True)
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    policy = serializers.CharField(source="policy.code", read_only=True)
    balance = serializers.DecimalField(source="held", **MONEY)
    permit_eligible = serializers.SerializerMethodField(
        help_text="The deposit is stored, guaranteed (guarantee still valid) or exempt.")
    explanation = ExplanationLineSerializer(many=True, read_only=True)
    citations = CitationsField(DEADLINE_RULES)
    provisional_deadlines = ProvisionalDeadlinesField(["due_on", "topup_due_on", "review_due_on",
                                                      "confirmation_due_on"])

    class Meta:
        model = Deposit
        fields = ["id", "project", "project_code", "project_name", "district", "enterprise", "contractor",
                  "credit_code", "status", "status_display", "form", "policy", "assessed_on", "base_amount", "rate",
                  "standard_amount", "required_amount", "adjustment", "explanation", "balance", "permit_eligible",
                  "trigger", "trigger_date", "due_on", "stored_on", "guarantor", "guarantee_number",
                  "guarantee_amount", "valid_from", "valid_until", "expiry_reminder_on", "topup_due_on",
                  "publicity_from", "publicity_until", "returned_on", "citations", "provisional_deadlines"]

    def get_permit_eligible(self, deposit) -> bool:
        return deposit.satisfied


class LedgerEntrySerializer(serializers.ModelSerializer):
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)

    class Meta:
        model = LedgerEntry
        fields = ["seq", "kind", "kind_display", "amount", "noted_amount", "balance_after", "occurred_on", "memo",
                  "reverses", "created_at"]


class EmergencyFundSerializer(serializers.ModelSerializer):
    balance = serializers.DecimalField(source="current", **MONEY)
    district_name = serializers.CharField(source="district.name", read_only=True, default="")

    class Meta:
        model = EmergencyFund
        fields = ["id", "name", "level", "district", "district_name", "target_amount", "balance"]


class FundEntrySerializer(serializers.ModelSerializer):
    class Meta:
        model = FundEntry
        fields = ["seq", "kind", "amount", "balance_after", "workers", "case_ref", "occurred_on", "memo", "reverses"]


class ApprovalSerializer(serializers.ModelSerializer):
    provisional_deadlines = ProvisionalDeadlinesField(["order_deadline", "bank_pay_by"])

    class Meta:
        model = Approval
        fields = ["id", "kind", "status", "deposit", "fund", "amount", "workers", "case_ref", "order_deadline",
                  "requested_at", "decided_at", "bank_pay_by", "provisional_deadlines"]


class UsesSerializer(serializers.Serializer):
    since = serializers.DateField()
    uses = serializers.IntegerField()
    amount = serializers.DecimalField(max_digits=16, decimal_places=2)
    workers = serializers.IntegerField()
