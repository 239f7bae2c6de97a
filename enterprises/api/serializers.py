from rest_framework import serializers

from accounts.api.serializers import DistrictBriefSerializer
from enterprises.models import Enterprise


class EnterpriseSerializer(serializers.ModelSerializer):
    district_detail = DistrictBriefSerializer(source="district", read_only=True)

    class Meta:
        model = Enterprise
        fields = [
            "id", "credit_code", "name", "former_names", "legal_representative", "address", "district",
            "district_detail", "industry", "kind", "registered_capital", "employee_count", "insured_count",
            "state_owned", "provincial", "status", "grade", "created_at", "updated_at",
        ]
        read_only_fields = ["grade", "created_at", "updated_at"]
