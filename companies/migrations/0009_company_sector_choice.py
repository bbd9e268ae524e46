"""A company's sector becomes a choice of the sectors candidates wish for. It was free text, so a row may hold a name
("Logistiek", "Transport en logistiek", "Horeca", "Grafische sector"): those are turned into their code. A value no
sector goes by is cleared (the company form asks for the sector when the company is next edited): matching read
such a value as no sector and silently took the points of a wish from every candidate who wished for it."""

from django.core.exceptions import ValidationError
from django.db import migrations, models
from django.utils import translation

import companies.sectors


def sector_names_to_codes(apps, schema_editor):
    Company = apps.get_model("companies", "Company")
    typed = Company.objects.exclude(sector="").only("sector")
    if typed.exists():
        refuse_without_translations()
    for company in typed:
        try:
            code = companies.sectors.sector_code(company.sector)
        except ValidationError:
            code = ""
        if code != company.sector:
            Company.objects.filter(pk=company.pk).update(sector=code)


def refuse_without_translations():
    """The Dutch and French labels come from the compiled catalogues: without them a sector typed as its Dutch or
    French label would read as no sector and be cleared, so the migration stops instead."""
    for language in ("nl", "fr"):
        with translation.override(language):
            if str(companies.sectors.Sector.LOGISTICS.label) == "Transport and logistics":
                raise RuntimeError(
                    f"The {language} translations are not compiled: run `manage.py compilemessages`, then migrate."
                )


class Migration(migrations.Migration):
    dependencies = [
        ("companies", "0008_vacancy_language_choice"),
    ]

    operations = [
        migrations.RunPython(sector_names_to_codes, migrations.RunPython.noop, elidable=True),
        migrations.AlterField(
            model_name="company",
            name="sector",
            field=models.CharField(
                blank=True,
                choices=[
                    ("agriculture", "Agriculture and horticulture"),
                    ("green", "Gardening and green spaces"),
                    ("food", "Food production"),
                    ("industry", "Production and industry"),
                    ("construction", "Construction"),
                    ("logistics", "Transport and logistics"),
                    ("cleaning", "Cleaning"),
                    ("hospitality", "Hotels, restaurants and catering"),
                    ("retail", "Shops and retail"),
                    ("cars", "Car repair and maintenance"),
                    ("care", "Care and welfare"),
                    ("office", "Office and IT"),
                ],
                max_length=20,
                verbose_name="sector",
            ),
        ),
    ]
