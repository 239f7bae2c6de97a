from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("", views.inbox, name="list"),
    path("<int:pk>/", views.open_message, name="open"),
    path("<int:pk>/read/", views.read, name="read"),
    path("read-all/", views.read_all, name="read-all"),
    path("failed/", views.failed, name="failed"),
]
