from simple_history.admin import SimpleHistoryAdmin


class ReadOnlyMixin:
    """For records that change only through their app's services (ledgers, cases, audit): the admin reads."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyAdmin(ReadOnlyMixin, SimpleHistoryAdmin):
    pass
