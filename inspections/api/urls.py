from rest_framework.routers import SimpleRouter

from .views import InspectorViewSet, SpotCheckViewSet

app_name = "inspections-api"
router = SimpleRouter()
router.register("inspectors", InspectorViewSet)
# Public (anonymous): see SpotCheckViewSet. r"^api/v1/spot-checks/" is on the PUBLIC list.
router.register("spot-checks", SpotCheckViewSet, basename="spot-check")
urlpatterns = router.urls
