"""The user's message inbox and the city administrators' list of failed deliveries. Thin: the services act."""

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from . import services
from .choices import Channel
from .models import Delivery, Message

PAGE_SIZE = 30


def _page(request, queryset, **context):
    """The context of one page of rows, in the names templates/inc/pagination.html reads."""
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    return {"page_obj": page, "paginator": page.paginator, "is_paginated": page.has_other_pages(), **context}


@login_required
def inbox(request):
    mine = Message.objects.for_recipient(request.user)
    if request.GET.get("unread") == "1":
        mine = mine.unread()
    only_unread = request.GET.get("unread") == "1"
    return render(
        request,
        "notifications/inbox.html",
        _page(request, mine, only_unread=only_unread, querystring="unread=1" if only_unread else ""),
    )


@login_required
def open_message(request, pk):
    """Open a message: it is read now, and the user goes where it points (a site path only)."""
    message = get_object_or_404(Message.objects.for_recipient(request.user), pk=pk)
    services.mark_read(request.user, message.pk)
    if message.link and url_has_allowed_host_and_scheme(message.link, allowed_hosts=None):
        return redirect(message.link)
    return redirect("notifications:list")


@login_required
@require_POST
def read(request, pk):
    message = get_object_or_404(Message.objects.for_recipient(request.user), pk=pk)
    services.mark_read(request.user, message.pk)
    return redirect("notifications:list")


@login_required
@require_POST
def read_all(request):
    count = services.mark_all_read(request.user)
    flash.success(
        request, ngettext("%(count)d message marked read.", "%(count)d messages marked read.", count) % {"count": count}
    )
    return redirect("notifications:list")


@login_required
def failed(request):
    """Failed e-mail and SMS deliveries, for city administrators to resend (404 for anyone else)."""
    if not request.user.is_city_admin:
        raise Http404
    if request.method == "POST":
        ids = [int(v) for v in request.POST.getlist("delivery") if v.isdigit()][: PAGE_SIZE * 10]
        count = services.resend(ids, actor=request.user)
        if count:
            flash.success(
                request,
                ngettext("%(count)d delivery queued again.", "%(count)d deliveries queued again.", count)
                % {"count": count},
            )
        else:
            flash.warning(request, _("Choose at least one failed delivery."))
        return redirect("notifications:failed")
    rows = Delivery.objects.failed().select_related("message__recipient").order_by("-next_attempt_at", "-pk")
    return render(request, "notifications/failed.html", _page(request, rows, sms=Channel.SMS))
