from django.urls import path

from . import views

# Everything under public/ is open without login and is on the access-matrix allow-list.
app_name = "inspections"
urlpatterns = [
    path("", views.InspectorListView.as_view(), name="list"),
    path("new/", views.inspector_create, name="create"),
    path("<int:pk>/", views.inspector_detail, name="detail"),
    path("<int:pk>/edit/", views.inspector_edit, name="edit"),
    path("<int:pk>/recusals/", views.recusal_add, name="recusal-add"),
    path("staffing/", views.staffing, name="staffing"),
    path("items/", views.item_list, name="items"),
    path("plans/", views.PlanListView.as_view(), name="plans"),
    path("plans/new/", views.plan_create, name="plan-create"),
    path("plans/<int:pk>/", views.plan_detail, name="plan"),
    path("plans/<int:pk>/batches/", views.batch_add, name="batch-add"),
    path("batches/<int:pk>/commit/", views.batch_commit, name="batch-commit"),
    path("draws/<int:pk>/", views.draw_detail, name="draw"),
    path("draws/<int:pk>/<slug:action>/", views.draw_act, name="draw-act"),
    path("targets/<int:pk>/result/", views.result_form, name="result"),
    path("results/<int:pk>/publish/", views.result_publish, name="result-publish"),
    path("public/", views.public_home, name="public"),
    path("public/items/", views.public_items, name="public-items"),
    path("public/draws/<int:pk>/", views.public_draw, name="public-draw"),
    path("public/draws/<int:pk>/record.json", views.public_draw_record, name="public-draw-record"),
]
