from django.contrib.auth.backends import BaseBackend

from kernel.roles import Role


class CityAdminBackend(BaseBackend):
    """City administrators hold every model permission in the admin site.

    Record scoping (kernel.scoping) is separate: this only opens the admin's model pages.
    """

    def authenticate(self, request, **credentials):
        return None

    def has_perm(self, user_obj, perm, obj=None):
        return bool(user_obj.is_active and getattr(user_obj, "role", None) == Role.CITY_ADMIN)

    def has_module_perms(self, user_obj, app_label):
        return bool(user_obj.is_active and getattr(user_obj, "role", None) == Role.CITY_ADMIN)
