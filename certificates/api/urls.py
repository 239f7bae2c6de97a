from django.urls import path
from rest_framework.routers import SimpleRouter

from .views import CertificateViewSet, VerifyView

app_name = "certificates-api"
router = SimpleRouter()
router.register("certificates", CertificateViewSet)
urlpatterns = [
    # Public (anonymous, throttled): see VerifyView. Add r"^api/v1/certificates/verify$" to the PUBLIC list.
    path("certificates/verify", VerifyView.as_view(), name="verify"),
    *router.urls,
]
