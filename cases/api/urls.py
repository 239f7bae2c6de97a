from rest_framework.routers import SimpleRouter

from .views import CaseViewSet, ComplaintViewSet

app_name = "cases-api"
router = SimpleRouter()
router.register("complaints", ComplaintViewSet)
router.register("cases", CaseViewSet)
urlpatterns = router.urls
