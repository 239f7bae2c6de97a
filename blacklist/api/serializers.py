from rest_framework import serializers

from core.api.citations import CitationsField

from ..models import ListedPerson, ListingEntry, PunishmentNotice
from ..rules import DEADLINE_RULES


class ListedPersonSerializer(serializers.ModelSerializer):
    id_number = serializers.CharField(source="masked_id_number", read_only=True)

    class Meta:
        model = ListedPerson
        fields = ["name", "role", "id_number"]


class ListingEntrySerializer(serializers.ModelSerializer):
    enterprise_name = serializers.CharField(source="enterprise.name", read_only=True)
    credit_code = serializers.CharField(source="enterprise.credit_code", read_only=True)
    district = serializers.CharField(source="district.code", read_only=True)
    case = serializers.CharField(source="case.number", read_only=True)
    persons = ListedPersonSerializer(many=True, read_only=True)
    citations = CitationsField(DEADLINE_RULES)

    class Meta:
        model = ListingEntry
        fields = ["id", "enterprise", "enterprise_name", "credit_code", "district", "case", "status", "criteria",
                  "unpaid_amount", "workers", "facts", "decision_number", "listed_on", "expires_on", "ended_on",
                  "objection_deadline", "removal_decision_due", "persons", "citations"]


class PunishmentNoticeSerializer(serializers.ModelSerializer):
    entry = serializers.IntegerField(source="entry_id", read_only=True)

    class Meta:
        model = PunishmentNotice
        fields = ["id", "entry", "kind", "occurred_at", "effective_on", "payload"]


class FeedSerializer(serializers.Serializer):
    results = PunishmentNoticeSerializer(many=True)
    next_since = serializers.IntegerField(help_text="Pass as since= on the next call.")
    has_more = serializers.BooleanField()
