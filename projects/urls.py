from django.urls import path

from .views import attendance, imports, projects, workers

app_name = "projects"
urlpatterns = [
    path("", projects.ProjectListView.as_view(), name="list"),
    path("new/", projects.project_create, name="create"),
    path("<int:pk>/", projects.ProjectDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", projects.project_update, name="update"),
    path("<int:pk>/subcontractors/new/", projects.subcontractor_add, name="subcontractor-add"),
    path("<int:pk>/account/", projects.account_edit, name="account"),
    path("<int:pk>/account/movements/new/", projects.movement_add, name="movement-add"),
    path("<int:pk>/notice-board/", projects.notice_board, name="notice-board"),
    path("<int:pk>/funds/", projects.confirm_funds, name="funds"),
    path("<int:pk>/status/", projects.change_status, name="status"),
    path("<int:pk>/import/", imports.import_upload, name="import"),
    path("<int:pk>/attendance/", attendance.attendance_list, name="attendance"),
    path("<int:pk>/attendance/new/", attendance.attendance_add, name="attendance-add"),
    path("<int:pk>/attendance/<str:month>/", attendance.attendance_month, name="attendance-month"),
    path("attendance/<int:pk>/edit/", attendance.attendance_edit, name="attendance-edit"),
    path("payroll/<int:pk>/", projects.payroll_month, name="payroll-month"),
    path("payroll/<int:pk>/confirm/", projects.payroll_confirm, name="payroll-confirm"),
    path("imports/<int:pk>/", imports.import_detail, name="import-detail"),
    path("imports/<int:pk>/progress/", imports.import_progress, name="import-progress"),
    path("imports/<int:pk>/confirm/", imports.import_confirm, name="import-confirm"),
    path("imports/<int:pk>/cancel/", imports.import_cancel, name="import-cancel"),
    path("templates/<str:kind>.xlsx", imports.import_template, name="import-template"),
    path("workers/", workers.WorkerListView.as_view(), name="workers"),
    path("workers/<int:pk>/", workers.WorkerDetailView.as_view(), name="worker-detail"),
    path("workers/<int:pk>/reveal/", workers.reveal_id, name="worker-reveal"),
]
