from rest_framework.routers import SimpleRouter

from .views import AttendanceViewSet, PayrollBatchViewSet, ProjectImportViewSet, ProjectViewSet, WorkerViewSet

app_name = "projects-api"
router = SimpleRouter()
router.register("projects", ProjectViewSet)
router.register("workers", WorkerViewSet)
router.register("payroll-months", PayrollBatchViewSet)
router.register("project-imports", ProjectImportViewSet)
router.register("attendance", AttendanceViewSet)
urlpatterns = router.urls
