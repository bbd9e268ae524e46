import decimal

import django.core.validators
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """Sites of a company; a vacancy's site and occupation; competences as vocabulary terms. The old free-text
    competences are renamed here, carried over in 0006 and dropped in 0007 (three steps, so PostgreSQL never
    alters a table with pending updates in the same transaction)."""

    dependencies = [
        ("companies", "0004_curated_vocabulary"),
    ]

    operations = [
        migrations.CreateModel(
            name="Site",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=120, verbose_name="name")),
                ("street", models.CharField(max_length=200, verbose_name="street and number")),
                ("postal_code", models.CharField(max_length=10, verbose_name="postal code")),
                ("city", models.CharField(max_length=100, verbose_name="city")),
                (
                    "latitude",
                    models.DecimalField(
                        blank=True,
                        decimal_places=6,
                        max_digits=9,
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(decimal.Decimal("-90")),
                            django.core.validators.MaxValueValidator(decimal.Decimal("90")),
                        ],
                        verbose_name="latitude",
                    ),
                ),
                (
                    "longitude",
                    models.DecimalField(
                        blank=True,
                        decimal_places=6,
                        max_digits=9,
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(decimal.Decimal("-180")),
                            django.core.validators.MaxValueValidator(decimal.Decimal("180")),
                        ],
                        verbose_name="longitude",
                    ),
                ),
                (
                    "company",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="sites", to="companies.company"
                    ),
                ),
            ],
            options={
                "verbose_name": "site",
                "verbose_name_plural": "sites",
                "ordering": ["name", "id"],
                "constraints": [
                    models.UniqueConstraint(fields=("company", "name"), name="site_unique_name_per_company")
                ],
            },
        ),
        migrations.AddField(
            model_name="vacancy",
            name="site",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="vacancies",
                to="companies.site",
                verbose_name="site",
            ),
        ),
        migrations.AddField(
            model_name="vacancy",
            name="occupation",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="vacancies",
                to="companies.occupation",
                verbose_name="occupation",
            ),
        ),
        migrations.RenameField(model_name="vacancy", old_name="required_competences", new_name="required_text"),
        migrations.RenameField(model_name="vacancy", old_name="nice_competences", new_name="nice_text"),
        migrations.AddField(
            model_name="vacancy",
            name="required_competences",
            field=models.ManyToManyField(
                blank=True, related_name="required_by", to="companies.competence", verbose_name="required competences"
            ),
        ),
        migrations.AddField(
            model_name="vacancy",
            name="nice_competences",
            field=models.ManyToManyField(
                blank=True, related_name="nice_for", to="companies.competence", verbose_name="nice-to-have competences"
            ),
        ),
    ]
