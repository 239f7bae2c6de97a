"""What other apps may read from projects, wage accounts, workers, attendance and payroll: plain functions
answering one set-based question over the whole city (docs/architecture.md, "One contract between apps").
The early-warning rules read these; each function says which rule asks.
"""


# --- attendance and pay (W09, W10, W14, W17) ---------------------------------------------------------------


# --- accounts, allocations, payroll and site duties (W06–W08, W11–W13, W15, W16) ---------------------------


# --- account opening and closing (W01, W26) -----------------------------------------------------------------
