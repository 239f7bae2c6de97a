from rest_framework import serializers

from accounts.models import District, User


class DistrictSerializer(serializers.ModelSerializer):
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)

    class Meta:
        model = District
        fields = ["id", "code", "name", "name_en", "kind", "kind_display", "population"]


class DistrictBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = District
        fields = ["id", "code", "name"]


class MeSerializer(serializers.ModelSerializer):
    role_display = serializers.CharField(source="get_role_display", read_only=True)
    district = DistrictBriefSerializer(read_only=True, allow_null=True)
    enterprise = serializers.SerializerMethodField()
    department = serializers.SerializerMethodField()
    phone = serializers.CharField(source="masked_phone", read_only=True)
    language = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = ["id", "username", "name", "role", "role_display", "district", "enterprise", "department",
                  "phone", "language"]

    def get_enterprise(self, user) -> dict | None:
        if not user.enterprise_id:
            return None
        return {"id": user.enterprise_id, "name": user.enterprise.name, "credit_code": user.enterprise.credit_code}

    def get_department(self, user) -> dict | None:
        if not user.department_id:
            return None
        return {"id": user.department_id, "code": user.department.code, "name": user.department.name}

    def get_language(self, user) -> str:
        from django.utils.translation import get_language

        return get_language()
