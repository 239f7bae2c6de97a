from django.urls import path

from . import views

app_name = "earlywarning"
urlpatterns = [
    path("", views.WarningListView.as_view(), name="list"),
    path("<int:pk>/", views.warning_detail, name="detail"),
    path("<int:pk>/dispose/", views.warning_dispose, name="dispose"),
    path("rules/", views.catalogue, name="catalogue"),
    path("runs/", views.runs, name="runs"),
    path("for/<slug:kind>/<int:pk>/", views.fragment, name="fragment"),
]
