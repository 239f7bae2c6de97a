from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import Department, DepartmentGrant, District, User


@admin.register(District)
class DistrictAdmin(SimpleHistoryAdmin):
    list_display = ("code", "name", "name_en", "kind", "population", "sort_order")
    list_editable = ("population", "sort_order")
    list_filter = ("kind",)
    search_fields = ("code", "name", "name_en")


class DepartmentGrantInline(admin.TabularInline):
    model = DepartmentGrant
    extra = 0
    filter_horizontal = ("districts",)


@admin.register(Department)
class DepartmentAdmin(SimpleHistoryAdmin):
    list_display = ("code", "name")
    search_fields = ("code", "name")
    inlines = [DepartmentGrantInline]


@admin.register(User)
class UserAdmin(DjangoUserAdmin, SimpleHistoryAdmin):
    list_display = ("username", "name", "role", "district", "enterprise", "department", "is_active", "last_login")
    list_filter = ("role", "district", "is_active")
    search_fields = ("username", "name", "enterprise__name")
    raw_id_fields = ("enterprise",)
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Person"), {"fields": ("name", "email", "phone")}),
        (_("Role and scope"), {"fields": ("role", "district", "enterprise", "department")}),
        (_("Status"), {"fields": ("is_active", "last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("username", "name", "role", "district", "enterprise", "department",
                                                  "password1", "password2")}),
    )
    readonly_fields = ("last_login", "date_joined")
