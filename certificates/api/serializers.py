from rest_framework import serializers

from core.api.citations import CitationsField

from ..models import DEADLINE_RULES, Certificate, CommitmentLetter


class CertificateSerializer(serializers.ModelSerializer):
    state = serializers.SerializerMethodField()
    citations = CitationsField(DEADLINE_RULES)

    class Meta:
        model = Certificate
        fields = ["id", "serial", "enterprise", "enterprise_name", "credit_code", "purpose", "purpose_detail",
                  "issued_on", "valid_until", "status", "state", "revoked_at", "revoked_reason",
                  "citations"]

    def get_state(self, obj) -> str:
        from django.utils import timezone

        return obj.state(timezone.localdate())


class CommitmentSerializer(serializers.ModelSerializer):
    class Meta:
        model = CommitmentLetter
        fields = ["serial", "purpose", "purpose_detail", "signatory", "signed_on", "valid_until"]


class VerificationSerializer(serializers.Serializer):
    """The answer names the holder: a bidding platform compares it with the bidder."""

    verified = serializers.SerializerMethodField()
    serial = serializers.CharField()
    state = serializers.ChoiceField(choices=["valid", "expired", "revoked"])
    state_label = serializers.CharField()
    enterprise_name = serializers.CharField()
    credit_code = serializers.CharField()
    purpose = serializers.CharField()
    purpose_label = serializers.CharField()
    purpose_detail = serializers.CharField()
    issued_on = serializers.DateField()
    valid_until = serializers.DateField()

    def get_verified(self, obj) -> bool:
        return True


class VerificationFailedSerializer(serializers.Serializer):
    verified = serializers.BooleanField(default=False)
    detail = serializers.CharField()


class BlockerSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()
    detail = serializers.CharField()


class CreditCodeLookupSerializer(serializers.Serializer):
    credit_code = serializers.CharField()
    name = serializers.CharField()
    restricted = serializers.BooleanField(help_text="Restricted from bidding today (any blocker).")
    blockers = BlockerSerializer(many=True)
    certificates = CertificateSerializer(many=True)
    commitments = CommitmentSerializer(many=True)


class RestrictedSerializer(serializers.Serializer):
    credit_code = serializers.CharField()
    name = serializers.CharField()
    district = serializers.CharField()
    blockers = BlockerSerializer(many=True)
