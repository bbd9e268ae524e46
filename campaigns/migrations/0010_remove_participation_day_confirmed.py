"""The confirmation of a whole participation is gone: 0009 copied it to one confirmation per day. A migration of its
own, so that on PostgreSQL the copied rows' deferred foreign-key checks have run before the table is altered."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0009_day_confirmations_schedule_status"),
    ]

    operations = [
        migrations.RemoveField(model_name="participation", name="day_confirmed_at"),
        migrations.RemoveField(model_name="participation", name="day_confirmed_by"),
    ]
