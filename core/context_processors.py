from django.conf import settings

from .branding import PRODUCT_NAME
from .navigation import items_for
from .notices import open_notices_for
from .search import SEARCH_ROLES


def navigation(request):
    user = getattr(request, "user", None)
    context = {"bureau_name": settings.WAGEWATCH_BUREAU_NAME, "city_name": settings.WAGEWATCH_CITY_NAME,
               "product_name": PRODUCT_NAME}
    if user is not None and user.is_authenticated:
        context["nav_sections"] = items_for(user, request.path)
        context["header_search"] = user.is_superuser or user.role in SEARCH_ROLES
        context["admin_notices"] = open_notices_for(user)
    return context
