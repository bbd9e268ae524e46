from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("companies", "0006_carry_over_sites_and_competences"),
    ]

    operations = [
        migrations.RemoveField(model_name="vacancy", name="required_text"),
        migrations.RemoveField(model_name="vacancy", name="nice_text"),
    ]
