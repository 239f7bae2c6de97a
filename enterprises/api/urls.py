from rest_framework.routers import SimpleRouter

from .views import EnterpriseViewSet

app_name = "enterprises-api"
router = SimpleRouter()
router.register("enterprises", EnterpriseViewSet)
urlpatterns = router.urls
