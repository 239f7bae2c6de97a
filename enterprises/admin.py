"""Admin for city administrators. Every change goes through the same services as the UI."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from . import grading, services
from .models import Contact, CreditGrade, Enterprise, EnterpriseImport, SupervisionPolicy, TimelineEntry, Violation


class ContactInline(admin.TabularInline):
    model = Contact
    extra = 0
    fields = ["name", "position", "phone"]


@admin.register(Enterprise)
class EnterpriseAdmin(SimpleHistoryAdmin):
    list_display = ["name", "credit_code", "district", "kind", "grade", "status"]
    list_filter = ["district", "grade", "kind", "status", "industry"]
    search_fields = ["name", "credit_code"]
    readonly_fields = ["grade", "created_at", "updated_at"]
    list_select_related = ["district"]
    inlines = [ContactInline]

    def save_model(self, request, obj, form, change):
        services.save_enterprise(obj, actor=request.user, changed=form.changed_data if change else None)

    def save_formset(self, request, form, formset, change):
        instances = formset.save(commit=False)
        for contact in formset.deleted_objects:
            services.delete_contact(contact, actor=request.user)
        for contact in instances:
            changed = next((f.changed_data for f in formset.forms if f.instance is contact), [])
            services.save_contact(contact, actor=request.user, changed=changed)


@admin.register(CreditGrade)
class CreditGradeAdmin(SimpleHistoryAdmin):
    list_display = ["enterprise", "year", "proposed_grade", "grade", "status", "previous_grade", "decided_by",
                    "decided_at"]
    list_filter = ["year", "status", "grade"]
    search_fields = ["enterprise__name", "enterprise__credit_code"]
    list_select_related = ["enterprise", "decided_by"]
    raw_id_fields = ["enterprise"]
    actions = ["confirm_selected"]

    def has_add_permission(self, request):
        return False  # proposals come from the grading service

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Confirm the selected proposals"))
    def confirm_selected(self, request, queryset):
        count = grading.confirm_grades(queryset.values_list("pk", flat=True), actor=request.user)
        self.message_user(request, _("%(n)d grades confirmed.") % {"n": count}, messages.SUCCESS)


@admin.register(Violation)
class ViolationAdmin(SimpleHistoryAdmin):
    list_display = ["enterprise", "category", "handling", "decided_on", "c_trigger", "revoked"]
    list_filter = ["category", "handling", "c_trigger", "revoked"]
    search_fields = ["enterprise__name", "enterprise__credit_code", "decision_number"]
    raw_id_fields = ["enterprise"]
    readonly_fields = ["recorded_by"]

    def save_model(self, request, obj, form, change):
        if change:
            services.update_violation(obj, actor=request.user, changed=form.changed_data)
        else:
            services.record_violation(obj, actor=request.user)


@admin.register(SupervisionPolicy)
class SupervisionPolicyAdmin(SimpleHistoryAdmin):
    list_display = ["grade", "effective_from", "effective_to", "routine_patrols_per_year",
                    "written_reviews_per_year", "in_annual_plan", "key_monitoring", "sampling_weight"]
    list_filter = ["grade"]
    readonly_fields = ["effective_to", "updated_by"]

    def has_change_permission(self, request, obj=None):
        return False  # a change is a new version (Add), so that earlier versions stay as they were

    def save_model(self, request, obj, form, change):
        services.set_supervision_policy(obj, actor=request.user)


@admin.register(TimelineEntry)
class TimelineEntryAdmin(admin.ModelAdmin):
    list_display = ["occurred_at", "enterprise", "kind", "title", "actor"]
    list_filter = ["kind"]
    search_fields = ["enterprise__name", "title"]
    list_select_related = ["enterprise", "actor"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(EnterpriseImport)
class EnterpriseImportAdmin(admin.ModelAdmin):
    list_display = ["created_at", "file_name", "status", "total_rows", "created_count", "updated_count",
                    "created_by"]
    list_filter = ["status"]
    exclude = ["data"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
