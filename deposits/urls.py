from django.urls import path

from . import views

app_name = "deposits"
urlpatterns = [
    path("", views.DepositListView.as_view(), name="list"),
    path("new/", views.deposit_create, name="create"),
    path("report/", views.report, name="report"),
    path("<int:pk>/", views.deposit_detail, name="detail"),
    path("<int:pk>/notice.pdf", views.deposit_notice, name="notice"),
    path("<int:pk>/return-confirmation.pdf", views.return_confirmation, name="return-confirmation"),
    path("<int:pk>/<slug:action>/", views.deposit_action, name="action"),
    path("approvals/", views.ApprovalListView.as_view(), name="approvals"),
    path("approvals/<int:pk>/", views.approval_detail, name="approval-detail"),
    path("approvals/<int:pk>/payment-notice.pdf", views.payment_notice, name="payment-notice"),
    path("funds/", views.FundListView.as_view(), name="funds"),
    path("funds/<int:pk>/", views.fund_detail, name="fund-detail"),
    path("funds/<int:pk>/<slug:action>/", views.fund_action, name="fund-action"),
]
