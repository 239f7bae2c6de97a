from django.urls import path
from rest_framework.routers import SimpleRouter

from .views import RiskView, WarningViewSet

app_name = "earlywarning-api"
router = SimpleRouter()
router.register("warnings", WarningViewSet)
urlpatterns = [*router.urls, path("risk/", RiskView.as_view(), name="risk")]
