"""Enterprises in the header search (core.search): by name or unified social credit code."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.collation import pinyin
from core.search import Row, section

from .models import Enterprise


def sections(user, query):
    if not query.text:
        return []
    found = (Enterprise.objects.visible_to(user).search(query.text).select_related("district")
             .order_by(pinyin("name"), "pk"))
    return [section("enterprises", _("Enterprises"), found,
                    lambda e: Row(e.name, e.get_absolute_url(), f"{e.credit_code} · {e.district.name}"),
                    f"{reverse('enterprises:list')}?{urlencode({'q': query.text})}")]
