"""Timeline entries carry their audience: an enterprise reads only what was served on it (Decree 423 Art. 9).
Existing entries are marked by kind; case lines by the kind of the case event they record; listing lines
are served except the internal proposal."""

from django.db import migrations, models
from django.utils import translation

SERVED_KINDS = ["registered", "updated", "grade", "violation", "project", "deposit", "interview", "warning",
                "certificate"]
SERVED_CASE_EVENTS = ["order", "recovery", "complied", "compensation", "closed"]
PROPOSAL_TITLE = "Proposed for the joint-punishment list"


def mark_existing(apps, schema_editor):
    TimelineEntry = apps.get_model("enterprises", "TimelineEntry")
    CaseEvent = apps.get_model("cases", "CaseEvent")
    TimelineEntry.objects.filter(kind__in=SERVED_KINDS).update(visible_to_enterprise=True)
    for event in CaseEvent.objects.filter(kind__in=SERVED_CASE_EVENTS).select_related("case"):
        TimelineEntry.objects.filter(kind="case", object_type="cases.case", object_id=str(event.case_id),
                                     title=f"{event.case.number} {event.title}"[:200]).update(
            visible_to_enterprise=True)
    proposal_titles = {PROPOSAL_TITLE}
    for language in ("zh-hans", "en"):
        with translation.override(language):
            proposal_titles.add(translation.gettext(PROPOSAL_TITLE))
    TimelineEntry.objects.filter(kind="blacklist").exclude(title__in=proposal_titles).update(
        visible_to_enterprise=True)


class Migration(migrations.Migration):

    dependencies = [
        ("enterprises", "0004_import_job_on_core_framework"),
        ("cases", "0002_seed_thresholds"),
    ]

    operations = [
        migrations.AddField(
            model_name="timelineentry",
            name="visible_to_enterprise",
            field=models.BooleanField(default=False, verbose_name="shown to the enterprise"),
        ),
        migrations.RunPython(mark_existing, migrations.RunPython.noop),
    ]
