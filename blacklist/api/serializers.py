from rest_framework import serializers

from core.api.citations import CitationsField
from core.api.fields import ProvisionalDeadlinesField

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
    provisional_deadlines = ProvisionalDeadlinesField(["order_deadline", "objection_deadline",
                                                      "removal_decision_due"])
    last_day_in_force = serializers.DateField(read_only=True, allow_null=True, help_text=(
        "The last day the listing applies (民法典 Arts. 201–202); expires_on is the first day it no longer does."))

    class Meta:
        model = ListingEntry
        fields = ["id", "enterprise", "enterprise_name", "credit_code", "district", "case", "status", "criteria",
                  "unpaid_amount", "workers", "facts", "decision_number", "listed_on", "last_day_in_force",
                  "expires_on", "ended_on", "objection_deadline", "removal_decision_due", "persons", "citations",
                  "provisional_deadlines"]


class PunishmentNoticeSerializer(serializers.ModelSerializer):
    entry = serializers.IntegerField(source="entry_id", read_only=True)

    class Meta:
        model = PunishmentNotice
        fields = ["id", "entry", "kind", "occurred_at", "effective_on", "payload"]


class FeedSerializer(serializers.Serializer):
    results = PunishmentNoticeSerializer(many=True)
    next_since = serializers.IntegerField(help_text="Pass as since= on the next call.")
    has_more = serializers.BooleanField()
