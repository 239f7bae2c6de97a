"""The worker register (staff) and a worker's page: employment and pay history; unmasking with a reason."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import DetailView

from core.collation import pinyin
from core.search import is_id_number
from core.views import FilteredListView
from kernel import crypto
from kernel.roles import Action, Role
from kernel.views import ScopedMixin, page_object

from .. import services
from ..filtersets import WorkerFilterSet
from ..forms import RevealForm
from ..models import Employment, PayrollLine, Worker

PAY_HISTORY_LENGTH = 36


class WorkerListView(FilteredListView):
    """Staff only: enterprises read their workers on their projects' pages."""

    model = Worker
    filterset_class = WorkerFilterSet
    template_name = "projects/worker_list.html"
    export_filename = "workers"
    export_columns = [
        (gettext_lazy("Name"), lambda w: w.name),
        (gettext_lazy("ID number"), lambda w: w.masked_id_number),
        (gettext_lazy("Sex"), lambda w: w.get_sex_display()),
        (gettext_lazy("Birth date"), lambda w: w.birth_date),
        (gettext_lazy("Home region"), lambda w: w.home_region),
    ]

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and request.user.role in (Role.ENTERPRISE, Role.API_CLIENT):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    posts_filters = True  # the search takes a full ID number: it is posted, never sent in the URL

    def get(self, request, *args, **kwargs):
        """A full ID number in the URL (an old bookmark) is swapped all the same, so that neither the page nor
        its links (pages, export) carry the number back."""
        if _is_id_number(request.GET.get("q", "")):
            return redirect(f"{request.path}?{self.filter_query(request.GET.copy()).urlencode()}")
        return super().get(request, *args, **kwargs)

    def filter_query(self, query):
        """A full ID number typed into the search is swapped for its keyed hash."""
        if _is_id_number(query.get("q", "")):
            query["idx"] = crypto.blind_index("".join(query.pop("q")[0].split()))
        return query

    def get_queryset(self):
        return super().get_queryset().order_by(pinyin("name"), "pk")


def _is_id_number(text: str) -> bool:
    return is_id_number("".join((text or "").split()))


class WorkerDetailView(ScopedMixin, DetailView):
    model = Worker
    template_name = "projects/worker_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user, worker = self.request.user, self.object
        context["employments"] = list(Employment.objects.visible_to(user).filter(worker=worker)
                                      .select_related("project", "employer").order_by("-entered_on"))
        context["pay"] = list(PayrollLine.objects.visible_to(user).filter(employment__worker=worker)
                              .select_related("batch__project").order_by("-batch__month")[:PAY_HISTORY_LENGTH])
        context["may_reveal"] = services.may_reveal(user, worker)
        context["reveal_form"] = RevealForm()
        return context


@login_required
@require_POST
def reveal_id(request, pk):
    """POST with a reason: the full ID number once, for inspectors and officials of the district; audited."""
    worker = page_object(request, Worker, Action.VIEW, pk=pk)
    form = RevealForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the reason for reading the full number."))
        return render(request, "projects/_revealed.html", {"worker": worker, "form": form}, status=400)
    full = services.reveal_id_number(worker, actor=request.user, reason=form.cleaned_data["reason"])
    response = render(request, "projects/_revealed.html", {"worker": worker, "full": full})
    response["Cache-Control"] = "no-store"
    return response


__all__ = ["WorkerDetailView", "WorkerListView", "reveal_id"]
