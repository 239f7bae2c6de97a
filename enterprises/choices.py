from django.db import models
from django.utils.translation import gettext_lazy as _


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
    COMPLAINT = "complaint", _("Complaint")
    CASE = "case", _("Case")
    INSPECTION = "inspection", _("Inspection")
    INTERVIEW = "interview", _("Interview")
    WARNING = "warning", _("Warning")
    BLACKLIST = "blacklist", _("Joint-punishment list")
    CERTIFICATE = "certificate", _("Certificate")
