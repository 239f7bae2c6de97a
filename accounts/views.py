from django.contrib.auth import views as auth_views
from django.db.models import Count
from django.views.generic import ListView

from kernel.views import ScopedMixin

from .models import District


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


class DistrictListView(ScopedMixin, ListView):
    model = District
    template_name = "accounts/district_list.html"

    def get_queryset(self):
        return super().get_queryset().annotate(
            enterprise_count=Count("enterprises", distinct=True), user_count=Count("users", distinct=True)
        )
