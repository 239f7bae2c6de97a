from rest_framework import serializers

from ..models import ListedPerson, ListingEntry, PunishmentNotice


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

    class Meta:
        model = ListingEntry
        fields = ["id", "enterprise", "enterprise_name", "credit_code", "district", "case", "status", "criteria",
                  "unpaid_amount", "workers", "facts", "decision_number", "listed_on", "expires_on", "ended_on",
                  "persons"]


class PunishmentNoticeSerializer(serializers.ModelSerializer):
    entry = serializers.IntegerField(source="entry_id", read_only=True)

    class Meta:
        model = PunishmentNotice
        fields = ["id", "entry", "kind", "occurred_at", "effective_on", "payload"]


class FeedSerializer(serializers.Serializer):
    results = PunishmentNoticeSerializer(many=True)
    next_since = serializers.IntegerField(help_text="Pass as since= on the next call.")
    has_more = serializers.BooleanField()
