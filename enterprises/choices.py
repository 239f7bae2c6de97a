from django.db import models
from django.utils.translation import gettext_lazy as _

from core.citations import Rule


class EnterpriseKind(models.TextChoices):
    CLIENT = "client", _("Construction client")
    GENERAL_CONTRACTOR = "general_contractor", _("General contractor")
    SPECIALIST_SUBCONTRACTOR = "specialist_subcontractor", _("Specialist subcontractor")
    LABOUR_SUBCONTRACTOR = "labour_subcontractor", _("Labour subcontractor")
    OTHER = "other", _("Other employer")


class EnterpriseStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    ABNORMAL = "abnormal", _("Abnormal operation")
    DEREGISTERED = "deregistered", _("Deregistered")


class Industry(models.TextChoices):
    """Sections of the national industry classification (GB/T 4754-2017)."""

    A = "A", _("A Agriculture, forestry, animal husbandry and fishery")
    B = "B", _("B Mining")
    C = "C", _("C Manufacturing")
    D = "D", _("D Electricity, heat, gas and water")
    E = "E", _("E Construction")
    F = "F", _("F Wholesale and retail")
    G = "G", _("G Transport, storage and post")
    H = "H", _("H Accommodation and catering")
    I = "I", _("I Information technology services")  # noqa: E741 (the standard's letter)
    J = "J", _("J Finance")
    K = "K", _("K Real estate")
    L = "L", _("L Leasing and business services")
    M = "M", _("M Research and technical services")
    N = "N", _("N Water, environment and public facilities")
    O = "O", _("O Resident and repair services")  # noqa: E741
    P = "P", _("P Education")
    Q = "Q", _("Q Health and social work")
    R = "R", _("R Culture, sports and entertainment")
    S = "S", _("S Public administration and social organisations")
    T = "T", _("T International organisations")


class Grade(models.TextChoices):
    """劳动保障守法诚信等级 (人社部规〔2016〕1号)."""

    A = "A", _("A (compliant)")
    B = "B", _("B (basically compliant)")
    C = "C", _("C (non-compliant)")


class GradeStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    CONFIRMED = "confirmed", _("Confirmed")
    REJECTED = "rejected", _("Rejected")


class TimelineKind(models.TextChoices):
    """Kinds of entries on an enterprise's electronic file. Later apps add theirs here."""

    REGISTERED = "registered", _("Registered")
    UPDATED = "updated", _("File updated")
    GRADE = "grade", _("Credit grade")
    VIOLATION = "violation", _("Violation recorded")
    PROJECT = "project", _("Project")
    DEPOSIT = "deposit", _("Wage deposit")
    COMPLAINT = "complaint", _("Complaint")
    CASE = "case", _("Case")
    INSPECTION = "inspection", _("Inspection")
    INTERVIEW = "interview", _("Interview")
    WARNING = "warning", _("Warning")
    BLACKLIST = "blacklist", _("Joint-punishment list")
    CERTIFICATE = "certificate", _("Certificate")


class ViolationCategory(models.TextChoices):
    """The nine evaluation items of 人社部规〔2016〕1号 (domain.md §10.3)."""

    LABOUR_RULES = "labour_rules", _("Internal labour rules")
    CONTRACTS = "contracts", _("Labour contracts")
    DISPATCH = "dispatch", _("Labour dispatch")
    CHILD_LABOUR = "child_labour", _("Child labour")
    WOMEN_MINORS = "women_minors", _("Women and minor workers")
    WORKING_TIME = "working_time", _("Working time and rest")
    WAGES = "wages", _("Wage payment and minimum wage")
    SOCIAL_INSURANCE = "social_insurance", _("Social insurance")
    OTHER = "other", _("Other compliance")


class Handling(models.TextChoices):
    """How a violation was dealt with. Only a penalty or a handling decision counts for grading."""

    PENALTY = "penalty", _("Administrative penalty")
    HANDLING_DECISION = "handling_decision", _("Handling decision")
    RECTIFICATION = "rectification", _("Rectification order only")

    @classmethod
    def counted(cls):
        """人社部规〔2016〕1号: grades B and C turn on being "penalised or handled" (处罚或处理)."""
        return [cls.PENALTY, cls.HANDLING_DECISION]


class CTrigger(models.TextChoices):
    """The circumstances that make an enterprise grade C by themselves (人社部规〔2016〕1号, domain.md §10.4).
    The count of three or more violations is the seventh trigger (C_VIOLATION_THRESHOLD)."""

    MASS_INCIDENT = "mass_incident", _("Mass or extreme incident, or serious social impact")
    CHILD_LABOUR = "child_labour", _("Child labour")
    FORCED_LABOUR = "forced_labour", _("Forced labour")
    REFUSED_ORDER = "refused_order", _("Refused an order or decision")
    OBSTRUCTED = "obstructed", _("Obstructed inspection")
    CRIMINAL = "criminal", _("Criminal liability")
    REPEATED = "repeated", _("Penalised or handled three or more times")
    BLACKLISTED = "blacklisted", _("On the joint-punishment list")


# 人社部规〔2016〕1号 (企业劳动保障守法诚信等级评价办法), grade C: "penalised or handled for labour-security
# violations three or more times" within the evaluation period.
C_VIOLATION_THRESHOLD = 3

# Lanzhou practice (domain.md §10.6, a local policy [L]): grade C enterprises get at least two
# written reviews a year. The per-grade frequencies themselves are data (SupervisionPolicy).
C_MIN_WRITTEN_REVIEWS = 2

# 人社部规〔2016〕1号 (domain.md §10.2): the annual evaluation rests on the previous year's credit record; a city
# may evaluate more years (the city setting grading_period_years, whose default this is).
EVALUATION_YEARS = 1

# The rule behind each grade reason (page and API: the name and basis beside the reason), by Finding code.
# Article numbers of 人社部规〔2016〕1号 are not confirmed (domain.md §10), so the grade's situation is named.
GRADING_BASIS = "人社部规〔2016〕1号"
HANDLED_RULE = Rule(_("Penalised or handled: grade B at least"), f"{GRADING_BASIS}（B级情形）")
C_TRIGGER_BASIS = f"{GRADING_BASIS}（C级情形）"
REASON_RULES = {
    "handled": HANDLED_RULE,
    **{trigger.value: Rule(trigger.label, C_TRIGGER_BASIS) for trigger in CTrigger if trigger != CTrigger.BLACKLISTED},
    # Decree 724 Art. 48 (joint punishment), read with the grading rules: a listed employer is at least C.
    CTrigger.BLACKLISTED.value: Rule(CTrigger.BLACKLISTED.label, "《保障农民工工资支付条例》第四十八条"),
}


def cite_reason(reason: dict) -> dict:
    """A stored grade reason with its rule's name and basis (reasons stored before they carried one get it
    from their code)."""
    rule = REASON_RULES.get(reason.get("code", ""))
    if rule is None or reason.get("basis"):
        return reason
    return {**reason, **rule.as_dict()}
