from rest_framework.routers import SimpleRouter

from .views import CreditGradeViewSet, EnterpriseViewSet

app_name = "enterprises-api"
router = SimpleRouter()
router.register("enterprises", EnterpriseViewSet)
router.register("credit-grades", CreditGradeViewSet)
urlpatterns = router.urls
