"""Shared view machinery: scoped list/detail mixins and the role home pages."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.generic import ListView

from accounts.models import District
from audit import events
from audit.kinds import AuditKind
from kernel.roles import Role
from kernel.views import ScopedMixin

from .city_settings import SETTINGS
from .city_settings import in_force as settings_in_force
from .dashboard import stats_for
from .excel import stream_xlsx
from .forms import bootstrapify
from .models import CitySetting


class FilteredListView(ScopedMixin, ListView):
    """A scoped list with a django-filter filterset kept in the URL and an Excel export of
    exactly what the filters show (?export=xlsx)."""

    filterset_class = None
    paginate_by = 25
    export_columns: list = []  # [(header, callable(row) -> value)]
    export_filename = "export"
    # True for a list whose search takes a full ID number: the filter bar posts, post() answers with the
    # filtered URL from filter_query(), which swaps the number for its keyed hash.
    posts_filters = False

    def post(self, request, *args, **kwargs):
        if not self.posts_filters:
            return HttpResponseNotAllowed(["GET", "HEAD"])
        query = request.POST.copy()
        query.pop("csrfmiddlewaretoken", None)
        return redirect(f"{request.path}?{self.filter_query(query).urlencode()}")

    def filter_query(self, query):
        """The filters as they go into the URL (a list that posts them swaps what must not stand there)."""
        return query

    def get_queryset(self):
        qs = super().get_queryset()
        self.filterset = self.filterset_class(self.request.GET or None, queryset=qs, request=self.request)
        bootstrapify(self.filterset.form, filters=True)
        return self.filterset.qs if self.filterset.is_bound else qs

    def get(self, request, *args, **kwargs):
        if request.GET.get("export") == "xlsx" and self.export_columns:
            return self.export(self.get_queryset())
        return super().get(request, *args, **kwargs)

    def export(self, queryset):

        events.record(AuditKind.LIST_EXPORTED, actor=self.request.user, model=queryset.model._meta.label_lower,
                      filters=self.request.GET.urlencode()[:500])
        return stream_xlsx(self.export_filename, self.export_columns, queryset.iterator(chunk_size=2000))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filterset"] = self.filterset
        query = self.request.GET.copy()
        query.pop("page", None)
        context["querystring"] = query.urlencode()
        context["posts_filters"] = self.posts_filters
        return context


def home(request):
    """The role's start page: the figures that need attention in the user's scope, each linking to
    its list. Charts come with the dashboards issue."""
    user = request.user
    if not user.is_authenticated:
        from django.contrib.auth.views import redirect_to_login

        return redirect_to_login(request.get_full_path())
    if user.role == Role.ENTERPRISE:
        return render(request, "core/home_enterprise.html", {"enterprise": user.enterprise})
    if user.role == Role.API_CLIENT:
        return render(request, "core/home_api_client.html", {"grants": user.department.grants.all()
                      if user.department_id else []})
    districts = (
        District.objects.visible_to(user)
        .annotate(
            enterprise_count=Count("enterprises", distinct=True),
            grade_c_count=Count("enterprises", filter=Q(enterprises__grade="C"), distinct=True),
        )
        .order_by("sort_order")
    )
    return render(request, "core/home.html", {"districts": districts, "stats": stats_for(user)})


@login_required
def city_settings(request):
    """The city's settings as staff read them: the value in force today, since when, its basis, and any
    value already entered for a later day. Only city administrators change them (in the admin site)."""
    user = request.user
    if not user.is_superuser and user.role in (Role.ENTERPRISE, Role.API_CLIENT):
        raise PermissionDenied
    today = timezone.localdate()
    upcoming: dict[str, list] = {}
    for row in CitySetting.objects.filter(effective_from__gt=today).order_by("effective_from"):
        upcoming.setdefault(row.key, []).append(row)
    rows = []
    for key, spec in SETTINGS.items():
        value, since = settings_in_force(key, today)
        rows.append({"spec": spec, "value": spec.format(value), "since": since,
                     "upcoming": [(r, spec.format(spec.parse(r.value))) for r in upcoming.get(key, [])]})
    return render(request, "core/city_settings.html", {"rows": rows, "today": today})


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def healthz(request):
    """Liveness for the load balancer and docker compose: the database answers."""
    from django.db import connection
    from django.http import JsonResponse

    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


@login_required
def search(request):
    """The header search (core.search): every result set through visible_to, values masked."""
    from urllib.parse import urlencode

    from . import search as finder

    finder.require_searcher(request.user)
    if request.method == "POST":
        # The header box posts what was typed, so that a full ID number is in no URL and no access log; the
        # answer is the results' URL, with the number swapped for its keyed hash.
        query = finder.Query.parse(request.POST.get("q", ""))
        params = {"idx": query.id_index} if query.id_index else {"q": query.text}
        return redirect(f"{request.path}?{urlencode(params)}")
    raw = request.GET.get("q", "")
    query = finder.Query.parse(raw, request.GET.get("idx", ""))
    if finder.is_id_number("".join(raw.split())):
        # A full ID number never stays in the address bar, the history or the access log.
        return redirect(f"{request.path}?{urlencode({'idx': query.id_index})}")
    return render(request, "core/search.html", {
        "query": query, "search_text": query.text, "sections": finder.search(request.user, query),
        "min_length": finder.MIN_TEXT_LENGTH})


@login_required
def pick(request, kind):
    """Suggestions for a ScopedPickerField (core.pickers): at most PICK_LIMIT matches in the viewer's scope."""
    from django.http import Http404

    from . import pickers

    if kind not in pickers.PICKER_SOURCES:
        raise Http404
    text = request.GET.get("q") or request.GET.get(request.GET.get("param", ""), "")
    source, found = pickers.matches(request.user, kind, text)
    return render(request, "inc/picker_options.html",
                  {"options": [pickers.option_text(source, obj) for obj in found]})
