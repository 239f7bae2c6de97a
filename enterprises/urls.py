from django.urls import path

from . import views

app_name = "enterprises"
urlpatterns = [
    path("", views.EnterpriseListView.as_view(), name="list"),
    path("new/", views.enterprise_create, name="create"),
    path("mine/", views.my_enterprise, name="mine"),
    path("<int:pk>/", views.EnterpriseDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", views.enterprise_update, name="update"),
    path("<int:pk>/contacts/new/", views.contact_create, name="contact-create"),
    path("contacts/<int:pk>/edit/", views.contact_update, name="contact-update"),
    path("contacts/<int:pk>/delete/", views.contact_delete, name="contact-delete"),
    path("<int:pk>/violations/new/", views.violation_create, name="violation-create"),
    path("<int:pk>/grades/propose/", views.grade_propose, name="grade-propose"),
    path("import/", views.import_upload, name="import"),
    path("import/template.xlsx", views.import_template, name="import-template"),
    path("import/<int:pk>/", views.import_detail, name="import-detail"),
    path("import/<int:pk>/progress/", views.import_progress, name="import-progress"),
    path("grades/", views.GradeListView.as_view(), name="grades"),
    path("grades/confirm/", views.grades_confirm, name="grades-confirm"),
    path("grades/run/", views.grades_run, name="grades-run"),
    path("grades/<int:pk>/", views.grade_detail, name="grade-detail"),
    path("violations/", views.ViolationListView.as_view(), name="violations"),
    path("violations/<int:pk>/edit/", views.violation_update, name="violation-update"),
    path("supervision/", views.policy_list, name="policies"),
    path("supervision/new/", views.policy_create, name="policy-create"),
]
