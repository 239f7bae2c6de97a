"""Choices of the cases app (docs/ui.md glossary: Complaint, Case, Order, MassIncident, CriminalReferral)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    """How a complaint or report reached the bureau (domain.md §6.1, §9.9)."""

    HOTLINE = "hotline", _("Citizen hotline referral (民情通)")
    HOTLINE_12333 = "12333", _("12333 hotline")
    WALK_IN = "walk_in", _("Walk-in desk")
    ONLINE = "online", _("Online form")
    LETTER = "letter", _("Letter")
    DEPARTMENT = "department", _("Referral from another department")
    GRID = "grid", _("Grid assistant report")
    MEDIA = "media", _("Media or public-opinion report")
    NATIONAL_PLATFORM = "national_platform", _("National wage-arrears clue platform")

    @classmethod
    def desk_choices(cls):
        """What desk and hotline staff enter on a worker's behalf (the online form is the worker's own)."""
        return [(c.value, c.label) for c in cls if c != cls.ONLINE]


class ComplaintKind(models.TextChoices):
    """A complaint (投诉) is by the worker whose rights were harmed and must be named; a report (举报)
    may be made by anyone, anonymously (Decree 423 Art. 9)."""

    COMPLAINT = "complaint", _("Complaint (by the worker)")
    REPORT = "report", _("Report (by anyone)")


class ComplaintStatus(models.TextChoices):
    """若干规定 Art. 18 (domain.md §6.2): RECEIVED → one of the decisions within 5 working days."""

    RECEIVED = "received", _("Received")
    ACCEPTED = "accepted", _("Accepted")
    NOT_ACCEPTED = "not_accepted", _("Not accepted")
    SUPPLEMENT = "supplement", _("Supplement needed")
    REFERRED = "referred", _("Referred to another department")
    ARBITRATION = "arbitration", _("Directed to arbitration or court")

    @classmethod
    def open(cls):
        """Complaints still waiting for a decision (a supplement restarts the wait)."""
        return [cls.RECEIVED, cls.SUPPLEMENT]

    @classmethod
    def decisions(cls):
        return [c for c in cls if c != cls.RECEIVED]


class RefusalGround(models.TextChoices):
    """Grounds for not accepting (若干规定 Art. 18; Decree 423 Art. 20, 21)."""

    TIME_BARRED = "time_barred", _("Older than two years")
    NOT_LABOUR_INSPECTION = "not_labour_inspection", _("Not within labour inspection")
    OTHER_JURISDICTION = "other_jurisdiction", _("Another department's jurisdiction")
    ARBITRATION = "arbitration", _("A matter for arbitration or the courts")
    NO_EMPLOYER = "no_employer", _("No identifiable employer")


class CaseStatus(models.TextChoices):
    """The case lifecycle (domain.md §6.3–6.4, §7); the transitions live in cases.services.lifecycle."""

    FILED = "filed", _("Filed")
    INVESTIGATING = "investigating", _("Investigating")
    ORDER_ISSUED = "order_issued", _("Order issued")
    COMPLIED = "complied", _("Complied")
    OVERDUE = "overdue", _("Order overdue")
    TRANSFERRED = "transferred", _("Transferred to police")
    CLOSED = "closed", _("Closed")
    WITHDRAWN = "withdrawn", _("Withdrawn")

    @classmethod
    def open(cls):
        return [c for c in cls if c not in (cls.CLOSED, cls.WITHDRAWN)]

    @classmethod
    def finished(cls):
        return [cls.CLOSED, cls.WITHDRAWN]


class CaseSource(models.TextChoices):
    COMPLAINT = "complaint", _("Complaint or report")
    PATROL = "patrol", _("Routine patrol")
    WRITTEN_REVIEW = "written_review", _("Written review")
    REFERRAL = "referral", _("Referral")


class ExtensionStatus(models.TextChoices):
    """Decree 423 Art. 17: one extension of 30 working days, with the department head's approval."""

    NONE = "", _("Not requested")
    REQUESTED = "requested", _("Requested")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")


class ServiceMethod(models.TextChoices):
    """How an order was served: the 2013 interpretation Art. 4 accepts posting at the premises, recorded
    by photo or video, when the employer has absconded (domain.md §7.2)."""

    IN_PERSON = "in_person", _("Handed over in person")
    REFUSED_SIGNATURE = "refused_signature", _("Refused to sign, witnessed")
    MAIL = "mail", _("Registered mail")
    POSTED = "posted", _("Posted at the premises, photo or video recorded")
    ELECTRONIC = "electronic", _("Electronic service")


class CaseOutcome(models.TextChoices):
    """How a case ended (Decree 423 Art. 18)."""

    RECTIFIED = "rectified", _("Wages paid, violation corrected")
    CORRECTED_ON_SPOT = "corrected_on_spot", _("Corrected on the spot")
    PENALTY = "penalty", _("Administrative penalty decision")
    HANDLING_DECISION = "handling_decision", _("Administrative handling decision")
    COURT_ENFORCEMENT = "court_enforcement", _("Court enforcement applied for")
    NO_VIOLATION = "no_violation", _("No violation found")
    TRANSFERRED = "transferred", _("Transferred to the police")

    @classmethod
    def counted_for_grading(cls):
        """人社部规〔2016〕1号: grades turn on being penalised or handled (处罚或处理)."""
        return [cls.PENALTY, cls.HANDLING_DECISION]


class EscalationKind(models.TextChoices):
    """Requests that the deposits and blacklist apps will act on (domain.md §2.5, §5.1)."""

    DEPOSIT_DRAWDOWN = "deposit_drawdown", _("Deposit draw-down")
    BLACKLIST_REVIEW = "blacklist_review", _("Joint-punishment list review")


class EscalationStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


class TransferStage(models.TextChoices):
    """A criminal transfer (移送公安) from the transfer to the court's judgment."""

    TRANSFERRED = "transferred", _("Transferred")
    ACCEPTED = "accepted", _("Accepted by the police")
    DECLINED = "declined", _("Not accepted by the police")
    PROSECUTED = "prosecuted", _("Prosecuted")
    JUDGED = "judged", _("Judged")


class CourtResult(models.TextChoices):
    CONVICTED = "convicted", _("Convicted")
    EXEMPTED = "exempted", _("Convicted, exempt from punishment")
    ACQUITTED = "acquitted", _("Acquitted")
    WITHDRAWN = "withdrawn", _("Prosecution withdrawn")


class ResponseAction(models.TextChoices):
    """Response to a mass incident (Decree 423 Art. 14: the emergency plan)."""

    INVESTIGATION = "investigation", _("Prompt investigation")
    MEDIATION = "mediation", _("Dispute mediation")
    WAGE_PAYMENT = "wage_payment", _("Wages paid out")
    EMERGENCY_FUND = "emergency_fund", _("Emergency fund advanced")
    POLICE = "police", _("Police on site")


class RecoveryKind(models.TextChoices):
    PAYMENT = "payment", _("Payment")
    REVERSAL = "reversal", _("Correction (reversal)")


class RecoveryStatus(models.TextChoices):
    """A payment above what is owed waits for a second official (maker ≠ checker) before it counts."""

    CONFIRMED = "confirmed", _("Counted")
    PENDING = "pending", _("Awaiting confirmation")
    REFUSED = "refused", _("Not confirmed")


class EventKind(models.TextChoices):
    """The lines of a case's own timeline."""

    FILED = "filed", _("Case filed")
    COMPLAINT_JOINED = "complaint_joined", _("Complaint joined")
    ASSIGNED = "assigned", _("Inspector assigned")
    RECUSED = "recused", _("Inspector recused")
    INVESTIGATION = "investigation", _("Investigation started")
    EXTENSION = "extension", _("Extension")
    ORDER = "order", _("Rectification order")
    RECOVERY = "recovery", _("Wages recovered")
    COMPLIED = "complied", _("Complied")
    OVERDUE = "overdue", _("Order overdue")
    COMPENSATION = "compensation", _("Additional compensation")
    ESCALATION = "escalation", _("Escalation request")
    TRANSFER = "transfer", _("Criminal transfer")
    SUPERVISION = "supervision", _("Leader responsibility or listed supervision")
    CLOSED = "closed", _("Closed")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    NOTE = "note", _("Note")


# The case events served on the employer (orders, decisions, what it paid): the only ones its electronic file
# shows it. Filing, assignments, extensions, transfers and supervision stay on the investigation side
# (Decree 423 Art. 9 protects those who report).
SERVED_EVENT_KINDS = frozenset({EventKind.ORDER, EventKind.RECOVERY, EventKind.COMPLIED, EventKind.COMPENSATION,
                                EventKind.CLOSED})
