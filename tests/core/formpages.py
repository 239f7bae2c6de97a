"""Read a rendered form the way a browser submits it (html.parser: no extra dependency)."""

import re
from html.parser import HTMLParser

# What a browser sends for an <input type=...>: files and buttons are not part of an unchanged save.
_NOT_SENT = {"file", "submit", "button", "reset", "image"}


# The HTML value sanitization algorithm: a browser drops a value its input type cannot hold, shows the
# field empty and submits "" (so a date rendered as 2025/10/01 is lost on the next save).
_VALID = {
    "date": re.compile(r"^\d{4,}-\d{2}-\d{2}$"),
    "month": re.compile(r"^\d{4,}-\d{2}$"),
    "datetime-local": re.compile(r"^\d{4,}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$"),
    "time": re.compile(r"^\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$"),
    "number": re.compile(r"^-?(\d+(\.\d+)?|\.\d+)([eE][-+]?\d+)?$"),
}


def browser_value(kind: str, value: str) -> str:
    """What the browser keeps of a rendered value attribute of an <input type=kind>."""
    if kind in ("text", "search", "tel", "password", "email", "url"):
        value = value.replace("\r", "").replace("\n", "")
    pattern = _VALID.get(kind)
    return value if pattern is None or pattern.match(value) else ""


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []  # [{"attrs": {...}, "fields": [(name, value), ...]}]
        self._form = None
        self._select = None  # [name, multiple, options [(value, selected)]]
        self._option = None
        self._textarea = None  # [name, text]

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        if tag == "form":
            self._form = {"attrs": a, "fields": []}
            self.forms.append(self._form)
        if self._form is None or "disabled" in a:
            return
        if tag == "input" and a.get("name"):
            kind = a.get("type", "text").lower()
            if kind in _NOT_SENT:
                return
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self._form["fields"].append((a["name"], a.get("value", "on")))
                return
            self._form["fields"].append((a["name"], browser_value(kind, a.get("value", ""))))
        elif tag == "select" and a.get("name"):
            self._select = [a["name"], "multiple" in a, []]
        elif tag == "option" and self._select is not None:
            self._option = [a.get("value"), "selected" in a, ""]
            self._select[2].append(self._option)
        elif tag == "textarea" and a.get("name"):
            self._textarea = [a["name"], ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data
        if self._option is not None:
            self._option[2] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select" and self._select is not None:
            name, multiple, options = self._select
            values = [(v if v is not None else text.strip()) for v, selected, text in options if selected]
            if not values and not multiple and options:
                first = options[0]
                values = [first[0] if first[0] is not None else first[2].strip()]
            self._form["fields"].extend((name, v) for v in values)
            self._select = self._option = None
        elif tag == "option":
            self._option = None
        elif tag == "textarea" and self._textarea is not None:
            name, text = self._textarea
            # The HTML parser drops one newline right after <textarea>, as Django's widget writes it.
            self._form["fields"].append((name, text[1:] if text.startswith("\n") else text))
            self._textarea = None


def posted_forms(html: str) -> list[dict]:
    """The POST forms of a page, each as {"attrs": ..., "fields": [(name, value), ...]}."""
    parser = _FormParser()
    parser.feed(html)
    return [f for f in parser.forms if f["attrs"].get("method", "get").lower() == "post"]


def form_with(html: str, field_name: str) -> list[tuple[str, str]]:
    """The fields of the one POST form that holds `field_name`, exactly as the browser would send them."""
    found = [f["fields"] for f in posted_forms(html) if any(name == field_name for name, _ in f["fields"])]
    assert len(found) == 1, f"{len(found)} POST forms hold {field_name!r}"
    return found[0]


def as_post_data(fields) -> dict:
    data = {}
    for name, value in fields:
        data.setdefault(name, []).append(value)
    return data
