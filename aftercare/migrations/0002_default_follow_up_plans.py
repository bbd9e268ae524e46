"""The default follow-up plan for every start route: +1 week and +6 months with the candidate (through the coach),
+1, +3 and +12 months with the employer, +1 month with the intermediary. Admins change them afterwards."""

from django.db import migrations

ROUTES = ["temp_work", "workplace_learning", "article_60", "training", "fixed_term", "open_ended"]
STEPS = [(7, "candidate"), (30, "employer"), (30, "intermediary"), (91, "employer"), (182, "candidate"),
         (365, "employer")]  # fmt: skip


def add_plans(apps, schema_editor):
    step = apps.get_model("aftercare", "FollowUpStep")
    for route in ROUTES:
        for offset, audience in STEPS:
            step.objects.get_or_create(route=route, offset_days=offset, audience=audience)


class Migration(migrations.Migration):
    dependencies = [("aftercare", "0001_placements")]
    operations = [migrations.RunPython(add_plans, migrations.RunPython.noop)]
