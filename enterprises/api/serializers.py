from rest_framework import serializers

from accounts.api.serializers import DistrictBriefSerializer
from enterprises.choices import Grade
from enterprises.models import Contact, CreditGrade, Enterprise


class EnterpriseSerializer(serializers.ModelSerializer):
    district_detail = DistrictBriefSerializer(source="district", read_only=True)
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    # "" while the enterprise has no confirmed grade; declared so that the schema's enum allows it.
    grade = serializers.ChoiceField(choices=Grade.choices, allow_blank=True, read_only=True)

    class Meta:
        model = Enterprise
        fields = [
            "id", "credit_code", "name", "former_names", "legal_representative", "address", "district",
            "district_detail", "industry", "kind", "kind_display", "registered_capital", "employee_count",
            "insured_count", "state_owned", "provincial", "status", "status_display", "grade",
            "first_activity_on", "created_at", "updated_at",
        ]
        read_only_fields = ["grade", "created_at", "updated_at"]


class ContactSerializer(serializers.ModelSerializer):
    """Contacts with the phone masked (138****5678); the full number is never in an API body."""

    phone = serializers.CharField(source="masked_phone", read_only=True)

    class Meta:
        model = Contact
        fields = ["id", "name", "position", "phone"]


class EnterpriseDetailSerializer(EnterpriseSerializer):
    contacts = serializers.SerializerMethodField()

    class Meta(EnterpriseSerializer.Meta):
        fields = [*EnterpriseSerializer.Meta.fields, "contacts"]

    def get_contacts(self, enterprise) -> list[dict]:
        request = self.context["request"]
        contacts = Contact.objects.visible_to(request.user).filter(enterprise=enterprise)
        return ContactSerializer(contacts, many=True).data


class CreditGradeSerializer(serializers.ModelSerializer):
    enterprise_name = serializers.CharField(source="enterprise.name", read_only=True)
    credit_code = serializers.CharField(source="enterprise.credit_code", read_only=True)
    decided_by = serializers.StringRelatedField()
    reasons = serializers.ListField(source="cited_reasons", child=serializers.DictField(), read_only=True,
                                    help_text="Each reason with the rule's name (rule) and legal basis (basis).")

    class Meta:
        model = CreditGrade
        fields = ["id", "enterprise", "enterprise_name", "credit_code", "year", "grade", "proposed_grade",
                  "previous_grade", "status", "violation_count", "basis", "reasons", "proposed_at", "decided_at",
                  "decided_by", "decision_note"]
