"""The scoped base of every HTML view of a scoped model."""

from django.contrib.auth.mixins import LoginRequiredMixin

from kernel.roles import Action


class ScopedMixin(LoginRequiredMixin):
    """Every HTML view of a scoped model reads through visible_to(user, action).

    A record outside the user's scope is simply not in the queryset, so detail and edit URLs
    answer 404 and never reveal that the id exists.
    """

    model = None
    action = Action.VIEW

    def get_queryset(self):
        return self.model.objects.visible_to(self.request.user, self.action)
