"""How money and ratios are written, everywhere: pages, PDFs, messages, audit notes (docs/ui.md Formats).

The one home of these formats. Templates use the filters of core/templatetags/money.py, which call these;
Excel exports do not format at all (numbers stay number cells, core/excel.py).

- Money: ``yuan(Decimal("36000"))`` → ``¥36,000.00``; an empty value → ``—``.
- Large totals (dashboards, statistics): ``wan_yuan(Decimal("49869800"))`` → ``4,986.98 万元``; an amount
  kept in 万元 (registered capital): ``wan(Decimal("1234.5"))`` → ``1,234.50 万元``.
- Ratios (0.2 means a fifth): ``percent(Decimal("0.2"))`` → ``20.0%``. One decimal, more only when the ratio
  needs them, so that a deposit rate of 0.75 % is not shown as 0.8 %.
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.translation import gettext as _

CENT = Decimal("0.01")
EMPTY = "—"
WAN = Decimal(10_000)
MAX_PERCENT_PLACES = 4


def _decimal(value) -> Decimal | None:
    if value is None or value == "":
        return None
    if isinstance(value, float):
        value = str(value)  # a float's repr, not its binary expansion
    try:
        return Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return None


def money(value) -> Decimal:
    """A yuan amount rounded to the fen, half up (the bank's rounding)."""
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def yuan(amount) -> str:
    """¥1,234,567.89; negative amounts as -¥12.00; empty as a dash."""
    value = _decimal(amount)
    if value is None:
        return EMPTY if amount in (None, "") else str(amount)
    value = money(value)
    return f"{'-' if value < 0 else ''}¥{abs(value):,.2f}"


def signed_yuan(amount) -> str:
    """A ledger movement: +¥100.00 / −¥100.00 (a true minus sign, as in the ledger column)."""
    value = _decimal(amount)
    if value is None:
        return EMPTY
    value = money(value)
    return ("+" if value > 0 else "−" if value < 0 else "") + yuan(abs(value))


def wan_yuan(amount) -> str:
    """A large total in yuan shown in 万元 with the unit: 49869800 → 4,986.98 万元."""
    value = _decimal(amount)
    return EMPTY if value is None else wan(value / WAN)


def wan(amount_in_wan) -> str:
    """An amount kept in 万元 (registered capital): 1234.5 → 1,234.50 万元."""
    value = _decimal(amount_in_wan)
    if value is None:
        return EMPTY
    return _("%(amount)s 10k yuan") % {"amount": f"{money(value):,.2f}"}


def percent(ratio) -> str:
    """0.2 → 20.0%; 0.0075 → 0.75%; empty as a dash."""
    value = _decimal(ratio)
    if value is None:
        return EMPTY
    hundred = value * 100
    places = 1
    while places < MAX_PERCENT_PLACES and hundred != hundred.quantize(Decimal(1).scaleb(-places)):
        places += 1
    return f"{hundred.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP):f}%"
