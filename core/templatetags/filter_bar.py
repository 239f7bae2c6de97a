"""`{% filter_bar %}`: the filter form on top of every list (docs/ui.md: filters kept in the URL).

    {% filter_bar %}                           every filter of the list's filterset
    {% filter_bar show="q district grade" %}   only these, in this order
    {% filter_bar hide="project enterprise" %} all but these

A filter left off the bar but present in the URL (a link such as ?enterprise=5) is kept as a hidden
input, so pressing "Filter" never drops it."""

from django import template

register = template.Library()


@register.inclusion_tag("inc/filter_bar.html", takes_context=True)
def filter_bar(context, show="", hide=""):
    form = context["filterset"].form
    by_name = {field.name: field for field in form}
    if show:
        visible = [by_name[name] for name in show.split() if name in by_name]
    else:
        hidden_names = set(hide.split())
        visible = [field for field in form if field.name not in hidden_names]
    carried = [field for field in form if field not in visible or field.is_hidden]
    hidden = [(field.html_name, value) for field in carried for value in _values(field.value())]
    # A list whose search takes a full ID number posts its filters (FilteredListView.posts_filters), so the
    # number never stands in a URL or an access log; the view answers with the filtered URL, the ID hashed.
    method = "post" if context.get("posts_filters") else "get"
    return {"fields": [field for field in visible if not field.is_hidden], "hidden": hidden, "method": method,
            "csrf_token": context.get("csrf_token")}


def _values(value):
    if value in (None, ""):
        return []
    return [v for v in value if v not in (None, "")] if isinstance(value, (list, tuple)) else [value]
