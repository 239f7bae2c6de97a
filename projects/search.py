"""Projects and workers in the header search (core.search).

Projects by name or project code; workers by name, or by a full ID number through its keyed hash. Worker rows
show the masked ID number only; reading the full number stays on the worker page (with a reason, audited)."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from audit import events
from audit.kinds import AuditKind
from core.collation import pinyin
from core.search import Row, section
from kernel.roles import Role

from .models import Project, Worker


def sections(user, query):
    found = []
    if query.text:
        projects = (Project.objects.visible_to(user).search(query.text).select_related("district")
                    .order_by(pinyin("name"), "pk"))
        found.append(section("projects", _("Projects"), projects,
                             lambda p: Row(p.name, p.get_absolute_url(), f"{p.code} · {p.district.name}"),
                             f"{reverse('projects:list')}?{urlencode({'q': query.text})}"))
    if user.role in (Role.ENTERPRISE, Role.API_CLIENT):
        return found
    workers = Worker.objects.visible_to(user)
    if query.id_index:
        workers = workers.filter(id_number_index=query.id_index)
        more = f"{reverse('projects:workers')}?{urlencode({'idx': query.id_index})}"
    else:
        workers = workers.search(query.text)
        more = f"{reverse('projects:workers')}?{urlencode({'q': query.text})}"
    result = section("workers", _("Workers"), workers.order_by(pinyin("name"), "pk"),
                     lambda w: Row(w.name, w.get_absolute_url(), w.masked_id_number), more)
    if query.id_index:
        # A look-up of a person by ID number is a use of personal data: who looked, and whether anyone
        # was found (never the number).
        events.record(AuditKind.WORKER_SEARCHED_BY_ID_NUMBER, actor=user, matches=result.total)
    found.append(result)
    return found
