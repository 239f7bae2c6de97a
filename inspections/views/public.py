"""Double random, one public (双随机、一公开) for everyone, no login: the item list, the plans with their
batches and draws, each draw's commitment, frozen inputs, revealed seed and the server's own re-run of the
published algorithm, and the published results. The draw's record (record.json) is what
tools/verify_draw.py re-runs.

Every page is rate-limited per address (core.ratelimit); the routes are on the access-matrix allow-list
(r"^inspections/public/"). Nothing here shows personal data: enterprises by name and credit code, inspectors
by name and certificate number (the enforcement register is public), results without workers' details."""

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render

from core.ratelimit import allow, client_ip

from .. import drawing, rules
from ..models import Draw, DrawnTarget, InspectionItem, Inspector, SpotCheckPlan, SpotCheckResult

PAGE_LIMIT = (120, 60)  # page views per address a minute
PAGE_SIZE = 20


def _limited(request) -> bool:
    return not allow(f"inspections-public:{client_ip(request)}", *PAGE_LIMIT)


def _too_many(request):
    response = render(request, "portal/limited.html", status=429)
    response["Retry-After"] = "60"
    return response


def public_home(request):
    if _limited(request):
        return _too_many(request)
    plans = (
        SpotCheckPlan.objects.select_related("district")
        .prefetch_related("batches__draws")
        .filter(batches__draws__isnull=False)
        .distinct()
        .order_by("-year", "name", "pk")
    )
    results = (
        SpotCheckResult.objects.published()
        .select_related("target__enterprise", "target__draw__batch__plan")
        .order_by("-published_at", "-pk")
    )
    page = Paginator(results, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "inspections/public_home.html",
        {
            "plans": plans,
            "page": page,
            "rule": rules.DOUBLE_RANDOM_RULE,
            "publication_rule": rules.PUBLICATION_RULE,
        },
    )


def public_items(request):
    if _limited(request):
        return _too_many(request)
    return render(request, "inspections/public_items.html", {"items": InspectionItem.objects.filter(active=True)})


def _draw(pk):
    return get_object_or_404(Draw.objects.select_related("batch__plan__district", "replaces"), pk=pk)


def public_draw(request, pk):
    if _limited(request):
        return _too_many(request)
    draw = _draw(pk)
    targets = (
        DrawnTarget.objects.filter(draw=draw).select_related("enterprise__district").prefetch_related("inspectors")
    )
    published = {
        r.target_id: r for r in SpotCheckResult.objects.published().filter(target__draw=draw).prefetch_related("items")
    }
    rows = [(t, published.get(t.pk)) for t in targets]
    check = drawing.verify(draw.inputs, draw.seed, draw.commitment, draw.result) if draw.drawn_at else None
    return render(
        request,
        "inspections/public_draw.html",
        {
            "draw": draw,
            "rows": rows,
            "check": check,
            "successor": getattr(draw, "replaced_by", None),
            "candidates": len(draw.inputs.get("targets", [])),
            "roster": len(draw.inputs.get("inspectors", [])),
            "rule": rules.TWO_INSPECTORS_RULE,
        },
    )


def public_draw_record(request, pk):
    """The draw as published, for tools/verify_draw.py: the inputs and the commitment from the start; the seed
    and the result once the draw has run; names for the ids so that a reader can check the people too."""
    if _limited(request):
        return _too_many(request)
    draw = _draw(pk)
    record = {
        "draw": draw.pk,
        "status": draw.status,
        "algorithm": draw.algorithm,
        "commitment": draw.commitment,
        "committed_at": draw.committed_at.isoformat(),
        "inputs": draw.inputs,
        "seed": draw.revealed_seed or None,
        "result": draw.result if draw.drawn_at else None,
        "superseded_reason": draw.supersede_reason or None,
        "replaces": draw.replaces_id,
    }
    if draw.drawn_at:
        drawn_ids = [row["target"] for row in draw.result["targets"]]
        inspector_ids = {pk for row in draw.result["targets"] for pk in row["inspectors"]}
        record["names"] = {
            "targets": {
                str(t.enterprise_id): t.enterprise.name
                for t in DrawnTarget.objects.filter(draw=draw, enterprise_id__in=drawn_ids).select_related("enterprise")
            },
            "inspectors": {str(i.pk): i.name for i in Inspector.objects.filter(pk__in=inspector_ids)},
        }
    return JsonResponse(record, json_dumps_params={"ensure_ascii": False, "indent": 1})
