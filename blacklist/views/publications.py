"""Publication batches of major violations (29号): gather a quarter, review, approve and publish."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.views import FilteredListView
from kernel.errors import DomainError
from kernel.fetch import may_act_on
from kernel.roles import Action
from kernel.scoping import can
from kernel.views import page_object

from .. import forms, services
from ..choices import BatchStatus
from ..filtersets import PublicationBatchFilterSet
from ..models import PublicationBatch, PublishedViolation
from .common import run


class PublicationListView(FilteredListView):
    model = PublicationBatch
    filterset_class = PublicationBatchFilterSet
    template_name = "blacklist/publication_list.html"

    def get_queryset(self):
        return super().get_queryset().select_related("district", "created_by", "published_by")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if can(self.request.user, Action.ADD, PublicationBatch):
            context["gather_form"] = forms.GatherForm(user=self.request.user)
        return context


@login_required
@require_POST
def gather(request):
    form = forms.GatherForm(request.POST, user=request.user)
    created = {}
    if run(request, form, lambda d: created.setdefault("batch", services.gather_batch(
            actor=request.user, day=d["day"], district=d["district"])), _("Batch gathered for review.")):
        return redirect(created["batch"].get_absolute_url())
    messages.error(request, "; ".join(e for errors in form.errors.values() for e in errors))
    return redirect("blacklist:publications")


@login_required
def batch_detail(request, pk, bound=None, status=200):
    batch = page_object(request, PublicationBatch.objects.select_related("district", "created_by", "published_by"),
                        Action.VIEW, pk=pk)
    items = list(batch.items.select_related("case", "district").order_by("excluded", "pk"))
    may_edit = batch.status == BatchStatus.DRAFT and can(request.user, Action.CHANGE, PublishedViolation)
    for item in items:
        item.form = bound[1] if bound and bound[0] == item.pk else forms.ItemForm(
            initial={"facts": item.facts, "handling": item.handling})
    may_approve = may_act_on(request.user, Action.APPROVE, batch)
    return render(request, "blacklist/publication_detail.html", {
        "batch": batch, "items": items, "may_edit": may_edit, "may_approve": may_approve,
        "reason_form": forms.ReasonForm(),
    }, status=status)


@login_required
@require_POST
def batch_act(request, pk, action):
    batch = page_object(request, PublicationBatch, Action.VIEW, pk=pk)
    if action == "publish":
        try:
            services.publish_batch(batch, actor=request.user)
        except DomainError as exc:
            return _refused(request, batch, exc.message)
        except PermissionDenied as exc:
            return _refused(request, batch, str(exc))
        messages.success(request, _("Batch published."))
        return redirect(batch.get_absolute_url())
    if action == "withdraw":
        form = forms.ReasonForm(request.POST)
        if run(request, form, lambda d: services.withdraw_batch(batch, actor=request.user, reason=d["reason"]),
               _("Batch withdrawn.")):
            return redirect(batch.get_absolute_url())
        return _refused(request, batch, "; ".join(e for errs in form.errors.values() for e in errs))
    return batch_detail(request, pk, status=404)


def _refused(request, batch, message):
    messages.error(request, message)
    return batch_detail(request, batch.pk, status=400)


@login_required
@require_POST
def item_act(request, pk, action):
    item = page_object(request, PublishedViolation, Action.VIEW, pk=pk)
    if action == "edit":
        form = forms.ItemForm(request.POST)
        perform = lambda d: services.edit_item(item, actor=request.user, facts=d["facts"],  # noqa: E731
                                               handling=d["handling"])
    elif action == "exclude":
        form = forms.ReasonForm(request.POST)
        perform = lambda d: services.exclude_item(item, actor=request.user, reason=d["reason"])  # noqa: E731
    else:
        return batch_detail(request, item.batch_id, status=404)
    if run(request, form, perform, _("Saved.")):
        return redirect(item.batch.get_absolute_url())
    return batch_detail(request, item.batch_id, bound=(item.pk, form), status=400)
