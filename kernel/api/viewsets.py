from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.db import transaction
from rest_framework import viewsets
from rest_framework.exceptions import PermissionDenied

from kernel.fetch import assert_still_in_scope
from kernel.roles import Action
from kernel.scoping import scope_queryset

from .permissions import action_for


class ScopedViewSetMixin:
    """Restricts every API query through visible_to(user, action) and re-checks scope after a
    write inside the transaction (NetBox's ObjectValidationMixin), so nobody can create or move
    a record out of their own scope. Out-of-scope ids answer 404."""

    def get_queryset(self):
        # the model's own visible_to, so narrowing a queryset adds (published listings only for departments,
        # reference data for every role) applies to the API as it does to the pages
        qs = super().get_queryset()
        action = action_for(self.request, self)
        if hasattr(qs, "visible_to"):
            return qs.visible_to(self.request.user, action)
        return scope_queryset(qs, self.request.user, action)

    def _check_in_scope(self, instance, action):
        try:
            assert_still_in_scope(instance, self.request.user, action)
        except DjangoPermissionDenied as exc:  # DRF would answer a Django PermissionDenied without its message
            raise PermissionDenied(str(exc)) from exc

    def perform_create(self, serializer):
        with transaction.atomic():
            instance = serializer.save()
            self._check_in_scope(instance, Action.ADD)

    def perform_update(self, serializer):
        with transaction.atomic():
            instance = serializer.save()
            self._check_in_scope(instance, Action.CHANGE)


class ScopedReadOnlyViewSet(ScopedViewSetMixin, viewsets.ReadOnlyModelViewSet):
    pass


class ScopedModelViewSet(ScopedViewSetMixin, viewsets.ModelViewSet):
    pass
