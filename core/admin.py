from django import forms
from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from . import bounds
from .city_settings import SETTINGS
from .forms import humanise_errors
from .models import AdminNotice, CalendarOverride, CalendarYear, CitySetting


@admin.register(CalendarOverride)
class CalendarOverrideAdmin(SimpleHistoryAdmin):
    list_display = ("date", "is_workday", "note")
    list_filter = ("is_workday",)
    date_hierarchy = "date"
    search_fields = ("note",)


@admin.register(CalendarYear)
class CalendarYearAdmin(admin.ModelAdmin):
    list_display = ("year", "provisional", "note")
    list_filter = ("provisional",)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not obj.provisional:  # the official schedule is in: the standing notice is over
            from .notices import resolve
            from .workdays import calendar_notice_key

            resolve(calendar_notice_key(obj.year))


class CitySettingForm(forms.ModelForm):
    key = forms.ChoiceField(label=_("setting"), choices=lambda: [(k, s.label) for k, s in SETTINGS.items()])

    class Meta:
        model = CitySetting
        fields = ["key", "value", "effective_from", "note"]
        field_classes = {"effective_from": bounds.PlanDateField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        humanise_errors(self)  # the admin's form, not a Bootstrap one: the same readable messages


@admin.register(CitySetting)
class CitySettingAdmin(SimpleHistoryAdmin):
    """City administrators (the only users of this admin site) enter a new value with the day it takes effect.
    A row in force or past is what applied on those days: it stays as it is; only a future row may change."""

    form = CitySettingForm
    list_display = ("label", "key", "value", "effective_from", "note")
    list_filter = ("key",)
    ordering = ("key", "-effective_from")

    @admin.display(description=_("setting"))
    def label(self, obj):
        return obj.spec.label if obj.spec else obj.key

    def _future(self, obj):
        return obj is None or obj.effective_from > timezone.localdate()

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._future(obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._future(obj)


@admin.register(AdminNotice)
class AdminNoticeAdmin(admin.ModelAdmin):
    """Raised and resolved by the platform (core.notices); read here."""

    list_display = ("title", "last_raised_on", "mailed_on", "resolved_at")
    list_filter = ("resolved_at",)
    readonly_fields = ("key", "title", "message", "created_at", "last_raised_on", "mailed_on", "resolved_at")

    def has_add_permission(self, request):
        return False
