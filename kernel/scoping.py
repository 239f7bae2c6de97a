"""Record scoping: the one mechanism through which every list, detail, export and API reads.

Each scoped model declares how it reaches a district and an enterprise:

    class Enterprise(models.Model):
        scope_paths = {"district": "district", "enterprise": "pk"}
        objects = ScopedQuerySet.as_manager()

and `Enterprise.objects.visible_to(user, "change")` then answers which rows the user may see
or change. City roles see the whole city; district roles their district; enterprise users their
enterprise; department API clients what their department is granted (accounts.DepartmentGrant).
A model may narrow the role table with `role_actions = {Role.ENTERPRISE: {"view"}}`.

The shape follows NetBox's RestrictedQuerySet.restrict(); paths crossing a to-many relation
are applied as `pk__in=<subquery>` so that joins never duplicate rows.
"""

from django.db import models

from kernel.roles import ROLE_ACTIONS, Action, Role


def allowed_actions(user, model) -> set:
    """The actions the user's role may take on this model, before scoping by district."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return set()
    if user.is_superuser:
        return set(Action.values)
    actions = set(ROLE_ACTIONS.get(user.role, set()))
    override = getattr(model, "role_actions", {}).get(user.role)
    if override is not None:
        actions &= set(override)
    return actions


def can(user, action, model) -> bool:
    return str(action) in allowed_actions(user, model)


def _path_crosses_many(model, path: str) -> bool:
    current = model
    for part in path.split("__"):
        if part == "pk":
            return False
        field = current._meta.get_field(part)
        if field.many_to_many or field.one_to_many:
            return True
        if not field.is_relation:
            return False
        current = field.related_model
    return False


def _filter(qs, path: str | None, value):
    if path is None or value is None:
        return qs.none()
    if isinstance(value, (list, tuple, set, models.QuerySet)):
        lookup = {f"{path}__in": value}
    else:
        lookup = {path: value}
    if _path_crosses_many(qs.model, path):
        return qs.filter(pk__in=qs.model._base_manager.filter(**lookup).values("pk"))
    return qs.filter(**lookup)


def scope_queryset(qs, user, action=Action.VIEW):
    model = qs.model
    if str(action) not in allowed_actions(user, model):
        return qs.none()
    if user.is_superuser or user.role in Role.city_wide():
        return qs
    paths = getattr(model, "scope_paths", {})
    if user.role in Role.district_bound():
        return _filter(qs, paths.get("district"), user.district_id)
    if user.role == Role.ENTERPRISE:
        return _filter(qs, paths.get("enterprise"), user.enterprise_id)
    if user.role == Role.API_CLIENT:
        return _scope_for_department(qs, user, action, paths)
    return qs.none()


def _scope_for_department(qs, user, action, paths):
    # The grant is looked up by the user object (accounts.User.department_grant), so that the kernel
    # imports no app.
    grant = user.department_grant(qs.model._meta.label_lower)
    if grant is None or (str(action) != Action.VIEW and not grant.can_write):
        return qs.none()
    district_ids = [d.pk for d in grant.districts.all()]
    if not district_ids:
        return qs
    return _filter(qs, paths.get("district"), district_ids)


class ScopedQuerySet(models.QuerySet):
    def visible_to(self, user, action=Action.VIEW):
        """The rows `user` may `action` (view, add, change, delete, approve)."""
        return scope_queryset(self, user, action)
