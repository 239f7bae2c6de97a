from django.urls import path

from . import views

app_name = "blacklist"
urlpatterns = [
    path("", views.ListingListView.as_view(), name="list"),
    path("reviews/<int:pk>/", views.review, name="review"),
    path("reviews/<int:pk>/dismiss/", views.review_dismiss, name="review-dismiss"),
    path("<int:pk>/", views.entry_detail, name="detail"),
    path("<int:pk>/act/<slug:action>/", views.entry_act, name="act"),
    path("publications/", views.PublicationListView.as_view(), name="publications"),
    path("publications/gather/", views.gather, name="gather"),
    path("publications/<int:pk>/", views.batch_detail, name="publication-detail"),
    path("publications/<int:pk>/act/<slug:action>/", views.batch_act, name="publication-act"),
    path("publications/items/<int:pk>/<slug:action>/", views.item_act, name="item-act"),
]
