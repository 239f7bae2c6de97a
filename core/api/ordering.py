"""?ordering= for the API with names in pinyin order (core.collation), like the pages and exports."""

from rest_framework.filters import OrderingFilter

from core.collation import pinyin

NAME_FIELDS = ("name",)


class PinyinOrderingFilter(OrderingFilter):
    def filter_queryset(self, request, queryset, view):
        ordering = self.get_ordering(request, queryset, view)
        if not ordering:
            return queryset
        return queryset.order_by(*[self._term(term, queryset.db) for term in ordering])

    @staticmethod
    def _term(term, using):
        field = term.lstrip("-")
        if field.rsplit("__", 1)[-1] in NAME_FIELDS:
            return pinyin(field, using=using, descending=term.startswith("-"))
        return term
