"""The rule catalogue: one module per rule (see base.py for the contract). The engine, the catalogue page and
the parameter seed read RULE_MODULES; a rule not listed here does not run."""

from importlib import import_module

RULE_MODULES = [
    # System health (Subject.SYSTEM, to the city administrators) first, then the catalogue W01–W26.
    "earlywarning.rules.s01_calendar",
    "earlywarning.rules.s02_nightly_run",
    "earlywarning.rules.w01_no_wage_account",
    "earlywarning.rules.w02_no_deposit",
    "earlywarning.rules.w03_deposit_short",
    "earlywarning.rules.w04_guarantee_expiring",
    "earlywarning.rules.w05_topup_overdue",
    "earlywarning.rules.w06_labour_cost_not_transferred",
    "earlywarning.rules.w07_labour_cost_shortfall",
    "earlywarning.rules.w08_balance_below_payroll",
    "earlywarning.rules.w09_attended_unpaid",
    "earlywarning.rules.w10_paid_headcount",
    "earlywarning.rules.w11_pay_below_minimum_wage",
    "earlywarning.rules.w12_unusually_large_pay",
    "earlywarning.rules.w13_payroll_incomplete",
    "earlywarning.rules.w14_unregistered_attendance",
    "earlywarning.rules.w15_no_wage_officer",
    "earlywarning.rules.w16_notice_board_incomplete",
    "earlywarning.rules.w17_exit_unsettled",
    "earlywarning.rules.w18_open_complaint",
    "earlywarning.rules.w19_complaint_not_acted_on",
    "earlywarning.rules.w20_investigation_deadline",
    "earlywarning.rules.w21_order_overdue",
    "earlywarning.rules.w22_criminal_threshold",
    "earlywarning.rules.w23_risky_contractor",
    "earlywarning.rules.w24_listing_lifecycle",
    "earlywarning.rules.w25_return_late",
    "earlywarning.rules.w26_account_not_closed",
]


def all_rules():
    """[(spec, evaluate)] in catalogue order."""
    modules = [import_module(name) for name in RULE_MODULES]
    return sorted(((m.SPEC, m.evaluate) for m in modules), key=lambda pair: pair[0].code)
