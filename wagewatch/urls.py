from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView

from accounts.urls import auth_urlpatterns
from core import views as core_views
from core.branding import PRODUCT_NAME


def _city_admins_only(request):
    user = request.user
    return user.is_active and user.is_authenticated and user.is_city_admin


admin.site.has_permission = _city_admins_only
admin.site.site_header = settings.WAGEWATCH_BUREAU_NAME
admin.site.site_title = PRODUCT_NAME

api_v1 = [
    path("", include("accounts.api.urls")),
    path("", include("enterprises.api.urls")),
    path("", include("projects.api.urls")),
    path("", include("cases.api.urls")),
    path("", include("deposits.api.urls")),
    path("", include("blacklist.api.urls")),
    path("", include("inspections.api.urls")),
    path("", include("certificates.api.urls")),
    path("", include("earlywarning.api.urls")),
]

urlpatterns = [
    path("", core_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("city-settings/", core_views.city_settings, name="city-settings"),
    path("search/", core_views.search, name="search"),
    path("pick/<slug:kind>/", core_views.pick, name="pick"),
    path("accounts/", include(auth_urlpatterns)),
    path("accounts/", include("accounts.urls")),
    path("enterprises/", include("enterprises.urls")),
    path("projects/", include("projects.urls")),
    path("cases/", include("cases.urls")),
    path("deposits/", include("deposits.urls")),
    path("blacklist/", include("blacklist.urls")),
    path("inspections/", include("inspections.urls")),
    path("certificates/", include("certificates.urls")),
    path("messages/", include("notifications.urls")),
    path("warnings/", include("earlywarning.urls")),
    path("public/", include("portal.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("admin/", admin.site.urls),
    path("api/v1/", include(api_v1)),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    path("api/redoc/", SpectacularRedocView.as_view(url_name="api-schema"), name="api-redoc"),
]

handler403 = "core.views.permission_denied"
handler404 = "core.views.page_not_found"
