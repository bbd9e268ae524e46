from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0010_remove_participation_day_confirmed"),
    ]

    operations = [
        migrations.AddField(
            model_name="phasechange",
            name="reason",
            field=models.TextField(blank=True, verbose_name="reason"),
        ),
    ]
