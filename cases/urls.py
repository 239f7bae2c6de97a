from django.urls import path

from . import views

app_name = "cases"
urlpatterns = [
    path("", views.CaseListView.as_view(), name="list"),
    path("inbox/", views.inbox, name="inbox"),
    path("inbox/<str:kind>/<int:pk>/<slug:action>/", views.quick_action, name="quick"),
    path("<int:pk>/", views.case_detail, name="detail"),
    path("<int:pk>/act/<slug:action>/", views.case_act, name="act"),
    path("<int:pk>/closing-record.pdf", views.closing_pdf, name="closing-pdf"),
    path("orders/<int:pk>.pdf", views.order_pdf, name="order-pdf"),
    path("complaints/", views.ComplaintListView.as_view(), name="complaints"),
    path("complaints/new/", views.desk_create, name="complaint-create"),
    path("complaints/find/", views.go_to_complaint, name="complaint-find"),
    path("complaints/<int:pk>/", views.complaint_detail, name="complaint-detail"),
    path("complaints/<int:pk>/decide/", views.complaint_decide, name="complaint-decide"),
    path("complaints/<int:pk>/supplement/", views.complaint_supplement, name="complaint-supplement"),
    path("complaints/<int:pk>/reveal/<slug:field>/", views.complaint_reveal, name="complaint-reveal"),
    path("complaints/<int:pk>/attachments/<int:attachment_pk>/", views.attachment_download,
         name="attachment-download"),
    path("complaints/<int:pk>/acceptance-notice.pdf", views.acceptance_notice, name="acceptance-pdf"),
    path("incidents/", views.MassIncidentListView.as_view(), name="incidents"),
    path("incidents/new/", views.incident_create, name="incident-create"),
    path("incidents/<int:pk>/", views.incident_detail, name="incident-detail"),
    # Public pages: no login (a worker's own complaint and its status).
    path("public/complaint/", views.public_create, name="public-complaint"),
    path("public/complaint/done/", views.public_done, name="public-done"),
    path("public/status/", views.public_status, name="public-status"),
]
