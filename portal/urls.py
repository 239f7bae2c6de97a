from django.urls import path

from . import views

# Public pages (no login): everything under /public/ is on the access-matrix allow-list.
app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("blacklist/", views.blacklist, name="blacklist"),
    path("violations/", views.violations, name="violations"),
    path("verify/", views.verify, name="verify"),
    path("verify/<str:serial>/", views.verify_result, name="verify-result"),
]
