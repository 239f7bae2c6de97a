"""Mass incidents: list with filters and export, recording, the incident page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.views import FilteredListView
from kernel.errors import DomainError, form_error_from
from kernel.roles import Action
from kernel.scoping import can
from kernel.views import page_object, require_action

from .. import services
from ..filtersets import MassIncidentFilterSet
from ..forms import MassIncidentForm
from ..models import MassIncident


class MassIncidentListView(FilteredListView):
    model = MassIncident
    filterset_class = MassIncidentFilterSet
    template_name = "cases/incident_list.html"
    export_filename = "mass-incidents"
    export_columns = [
        (gettext_lazy("Time"), lambda i: timezone.localtime(i.occurred_at).replace(tzinfo=None)),
        (gettext_lazy("District"), lambda i: i.district.name),
        (gettext_lazy("Place"), lambda i: i.place),
        (gettext_lazy("Workers involved"), lambda i: i.workers_involved),
        (gettext_lazy("Major"), lambda i: str(gettext_lazy("Yes") if i.is_major else "")),
        (gettext_lazy("Enterprise"), lambda i: i.enterprise.name if i.enterprise else ""),
        (gettext_lazy("Case"), lambda i: i.case.number if i.case else ""),
        (gettext_lazy("Response"), lambda i: "、".join(i.response_labels())),
        (gettext_lazy("Outcome"), lambda i: i.outcome),
    ]

    def get_queryset(self):
        return super().get_queryset().select_related("district", "enterprise", "case").order_by("-occurred_at", "-pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_add"] = can(self.request.user, Action.ADD, MassIncident)
        return context


@login_required
def incident_create(request):
    require_action(request.user, Action.ADD, MassIncident)
    form = MassIncidentForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            incident = services.record_mass_incident(form.save(commit=False), actor=request.user)
        except DomainError as exc:
            form_error_from(form, exc)
        else:
            messages.success(request, _("Mass incident recorded."))
            return redirect(incident.get_absolute_url())
    return render(request, "cases/incident_form.html", {"form": form}, status=400 if form.errors else 200)


@login_required
def incident_detail(request, pk):
    incident = page_object(request, MassIncident.objects.select_related(
        "district", "enterprise", "case", "project", "recorded_by"), Action.VIEW, pk=pk)
    return render(request, "cases/incident_detail.html", {"incident": incident})
