from rest_framework.routers import SimpleRouter

from .views import ApprovalViewSet, DepositViewSet, EmergencyFundViewSet

app_name = "deposits-api"
router = SimpleRouter()
router.register("deposits", DepositViewSet)
router.register("emergency-funds", EmergencyFundViewSet)
router.register("deposit-approvals", ApprovalViewSet)
urlpatterns = router.urls
