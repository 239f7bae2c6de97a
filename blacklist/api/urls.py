from django.urls import path
from rest_framework.routers import SimpleRouter

from .views import ListingEntryViewSet, PunishmentFeedView

app_name = "blacklist-api"
router = SimpleRouter()
router.register("blacklist/entries", ListingEntryViewSet)
urlpatterns = [
    path("blacklist/feed/", PunishmentFeedView.as_view(), name="feed"),
    *router.urls,
]
