"""HR confirms its project-week schedule one day at a time: a confirmation of the whole participation becomes one
confirmation per day it had published interviews on (kept with its time and person). The schedule's status
becomes a choice; the values stored today are its choices."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def confirmations_per_day(apps, schema_editor):
    Participation = apps.get_model("campaigns", "Participation")
    DayConfirmation = apps.get_model("campaigns", "DayConfirmation")
    confirmed = Participation.objects.filter(day_confirmed_at__isnull=False)
    DayConfirmation.objects.bulk_create(
        DayConfirmation(
            participation=participation,
            day=day,
            confirmed_at=participation.day_confirmed_at,
            confirmed_by_id=participation.day_confirmed_by_id,
        )
        for participation in confirmed
        for day in sorted(
            set(participation.interviews.filter(published_day__isnull=False).values_list("published_day", flat=True))
        )
    )


def confirmation_per_participation(apps, schema_editor):
    """Back: a participation counts as confirmed when every day it has published interviews on is confirmed."""
    Participation = apps.get_model("campaigns", "Participation")
    for participation in Participation.objects.filter(day_confirmations__isnull=False).distinct():
        days = set(participation.interviews.filter(published_day__isnull=False).values_list("published_day", flat=True))
        confirmations = {c.day: c for c in participation.day_confirmations.all()}
        if days and days <= set(confirmations):
            latest = max((confirmations[day] for day in days), key=lambda c: c.confirmed_at)
            participation.day_confirmed_at, participation.day_confirmed_by_id = latest.confirmed_at, latest.confirmed_by_id
            participation.save(update_fields=["day_confirmed_at", "day_confirmed_by"])


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0008_clock_time_defaults"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name="projectweek",
            name="status",
            field=models.CharField(
                blank=True,
                choices=[
                    ("optimal", "Proven best"),
                    ("feasible", "Best found in time"),
                    ("infeasible", "Not everything fits"),
                    ("edited", "Changed by hand"),
                ],
                max_length=12,
                verbose_name="status",
            ),
        ),
        migrations.CreateModel(
            name="DayConfirmation",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("day", models.DateField(verbose_name="day")),
                ("confirmed_at", models.DateTimeField()),
                (
                    "confirmed_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "participation",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="day_confirmations",
                        to="campaigns.participation",
                    ),
                ),
            ],
            options={
                "verbose_name": "confirmed day",
                "verbose_name_plural": "confirmed days",
                "ordering": ["day"],
                "constraints": [
                    models.UniqueConstraint(fields=("participation", "day"), name="day_confirmed_once")
                ],
            },
        ),
        migrations.RunPython(confirmations_per_day, confirmation_per_participation),
    ]
