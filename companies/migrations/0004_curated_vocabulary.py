"""Seed the curated vocabulary (companies/vocabulary.py): common occupations with their ISCO-08 unit group and
competences, labelled in Dutch, French and English, without ESCO URIs."""

from django.db import migrations

from companies.vocabulary import seed_curated_vocabulary


def seed(apps, schema_editor):
    seed_curated_vocabulary(apps.get_model("companies", "Occupation"), apps.get_model("companies", "Competence"))


class Migration(migrations.Migration):
    dependencies = [
        ("companies", "0003_vocabulary"),
    ]

    operations = [
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
