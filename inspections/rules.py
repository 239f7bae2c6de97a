"""The regulatory and local numbers of the inspections app, each once with its basis (docs/architecture.md,
"regulatory numbers in one home"). InspectionPolicy rows take their defaults from here; pages render the
numbers from the policy in force, never as literals."""

from django.utils.translation import gettext_lazy as _

from core.citations import LOCAL_PRACTICE, Rule

# Staffing of full-time labour inspectors per district by resident population (issue 13; Lanzhou's
# standard: over 1,000,000 residents at least 16, under 400,000 at least 6, the band between a number the
# city sets). The national source of the figures is to be confirmed (domain.md §14): treated as local practice.
STAFFING_LARGE_POPULATION = 1_000_000
STAFFING_LARGE_MIN = 16
STAFFING_SMALL_POPULATION = 400_000
STAFFING_SMALL_MIN = 6
STAFFING_MIDDLE_MIN = 10
STAFFING_RULE = Rule(_("Full-time inspectors per district"), f"{LOCAL_PRACTICE}（劳动保障监察员配备标准）")

# 《劳动保障监察条例》第十六条: an investigation is carried out by at least two inspectors, and an inspector
# with an interest in the matter recuses (domain.md §6.3 item 9, §8 item 6).
MIN_INSPECTORS = 2
TWO_INSPECTORS_RULE = Rule(_("At least two inspectors, interested inspectors recuse"), "《劳动保障监察条例》第十六条")

# 《企业信息公示暂行条例》第七条 and 国办发〔2015〕58号: spot-check results are published within 20 working
# days of their being produced (domain.md §8 item 8, "whoever inspects, enters and publishes").
RESULT_PUBLICATION_WORKDAYS = 20
PUBLICATION_RULE = Rule(_("Spot-check results published"), "《企业信息公示暂行条例》第七条；国办发〔2015〕58号")

DOUBLE_RANDOM_RULE = Rule(_("Double random, one public"), "国办发〔2015〕58号；国发〔2019〕5号")


def required_full_time(
    population: int | None,
    *,
    large_population=STAFFING_LARGE_POPULATION,
    large_min=STAFFING_LARGE_MIN,
    small_population=STAFFING_SMALL_POPULATION,
    small_min=STAFFING_SMALL_MIN,
    middle_min=STAFFING_MIDDLE_MIN,
) -> int | None:
    """Full-time inspectors a district of `population` residents needs: strictly over the large threshold the
    large minimum, strictly under the small threshold the small minimum, otherwise (both thresholds included)
    the city's number for the band between. None when the population is not known."""
    if population is None:
        return None
    if population > large_population:
        return large_min
    if population < small_population:
        return small_min
    return middle_min
