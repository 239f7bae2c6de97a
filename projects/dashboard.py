from django.utils.translation import gettext_lazy as _

from core.dashboard import Stat, link

from .choices import ProjectStatus
from .models import Project


def stats(user, today):
    projects = Project.objects.visible_to(user)
    return [
        Stat(_("Projects under construction"), projects.filter(status=ProjectStatus.UNDER_CONSTRUCTION).count(),
             link("projects:list", f"status={ProjectStatus.UNDER_CONSTRUCTION}"), "bi-cone-striped"),
        Stat(_("Projects with compliance problems"),
             projects.filter(pk__in=projects.with_compliance_problems(today=today).values("pk")).count(),
             link("projects:list", "problems=true"), "bi-clipboard-x", "warning"),
    ]
