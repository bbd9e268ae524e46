"""A vacancy's required language becomes a choice of the platform's language codes. It was free text, so a row may
hold a name ("Nederlands", "Dutch", "NL "): those are turned into their code. A value no language goes by is
cleared (the level stays, and the vacancy form asks for the language when the vacancy is next edited): matching
read such a value as a language nobody speaks and excluded every candidate."""

from django.core.exceptions import ValidationError
from django.db import migrations, models

import jobroad.languages


def language_names_to_codes(apps, schema_editor):
    Vacancy = apps.get_model("companies", "Vacancy")
    for vacancy in Vacancy.objects.exclude(language="").only("language"):
        try:
            code = jobroad.languages.language_code(vacancy.language)
        except ValidationError:
            code = ""
        if code != vacancy.language:
            Vacancy.objects.filter(pk=vacancy.pk).update(language=code)


class Migration(migrations.Migration):
    dependencies = [
        ("companies", "0007_drop_free_text_competences"),
    ]

    operations = [
        migrations.RunPython(language_names_to_codes, migrations.RunPython.noop, elidable=True),
        migrations.AlterField(
            model_name="vacancy",
            name="language",
            field=models.CharField(
                blank=True,
                choices=jobroad.languages.spoken_language_choices,
                max_length=10,
                verbose_name="required language",
            ),
        ),
    ]
