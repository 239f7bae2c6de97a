from django.urls import path

from . import views

app_name = "certificates"
urlpatterns = [
    path("", views.certificate_list, name="list"),
    path("apply/", views.apply, name="apply"),
    path("applications/<int:pk>/", views.application_detail, name="application"),
    path("<int:pk>/", views.certificate_detail, name="detail"),
    path("<int:pk>/certificate.pdf", views.certificate_pdf, name="pdf"),
    path("<int:pk>/revoke/", views.certificate_revoke, name="revoke"),
    path("commitments/sign/", views.commit, name="commit"),
    path("commitments/<int:pk>.pdf", views.commitment_pdf, name="commitment-pdf"),
    path("restricted-bidders/", views.restricted, name="restricted"),
]
