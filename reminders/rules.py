"""How far ahead of each deadline its holders are reminded: platform policy, not regulation. The deadlines
themselves have their homes in the apps that keep them (cases.rules through cases.facts, deposits.choices,
blacklist.rules, the certificate policy); only the lead times live here."""

# The day before a decision on acceptance is due (若干规定 Art. 18, cases.rules.ACCEPTANCE_WORKDAYS).
ACCEPTANCE_LEAD_WORKDAYS = 1

# Working day 50 of the investigation, ten before Decree 423 Art. 17's sixty (cases.facts
# .INVESTIGATION_WORKDAYS), and again on the deadline itself; an extended case is reminded the same number of
# working days before its extended deadline.
INVESTIGATION_FIRST_REMINDER_WORKDAYS = 50

# Orders to pay, top-ups of a drawn deposit and objection periods: two working days ahead.
ORDER_LEAD_WORKDAYS = 2
TOPUP_LEAD_WORKDAYS = 2
OBJECTION_LEAD_WORKDAYS = 2

# Listings and certificates that end: a month of calendar days ahead, time to renew or to prepare the notice.
LISTING_EXPIRY_LEAD_DAYS = 30
CERTIFICATE_EXPIRY_LEAD_DAYS = 30
