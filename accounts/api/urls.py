from django.urls import path
from rest_framework.routers import SimpleRouter

from .views import DistrictViewSet, MeView

app_name = "accounts-api"
router = SimpleRouter()
router.register("districts", DistrictViewSet)
urlpatterns = [path("me/", MeView.as_view(), name="me"), *router.urls]
