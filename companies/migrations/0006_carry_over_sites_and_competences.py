"""Existing data into the new shapes: each company's address becomes its first site (its vacancies move there), and
each line of the old free-text competences becomes the vocabulary term with that label (in any language). A line
that matches no term is not lost: it is added to the vacancy's description, for HR to pick a term later."""

from django.db import migrations

# Written into descriptions as data, in the platform's default language (Dutch), not translated at run time.
LEFTOVER_HEADINGS = {"required": "Vereiste competenties", "nice": "Pluspunten"}


def lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def first_sites(apps):
    Company = apps.get_model("companies", "Company")
    Site = apps.get_model("companies", "Site")
    Vacancy = apps.get_model("companies", "Vacancy")
    for company in Company.objects.select_related("organisation"):
        organisation = company.organisation
        if not (organisation.street or organisation.city):
            continue
        site, _ = Site.objects.get_or_create(
            company=company,
            name=(organisation.city or organisation.name)[:120],
            defaults={
                "street": organisation.street,
                "postal_code": organisation.postal_code,
                "city": organisation.city,
            },
        )
        Vacancy.objects.filter(company=company, site__isnull=True).update(site=site)


def forwards(apps, schema_editor):
    first_sites(apps)
    Competence = apps.get_model("companies", "Competence")
    Vacancy = apps.get_model("companies", "Vacancy")
    by_label = {}
    for term in Competence.objects.order_by("id"):
        for label in term.labels.values():
            by_label.setdefault(label.strip().casefold(), term)
    for vacancy in Vacancy.objects.exclude(required_text="", nice_text=""):
        leftovers = []
        for which, text in (("required", vacancy.required_text), ("nice", vacancy.nice_text)):
            matched, unmatched = [], []
            for line in lines(text):
                term = by_label.get(line.casefold())
                (matched if term else unmatched).append(term or line)
            getattr(vacancy, f"{which}_competences").add(*matched)
            if unmatched:
                leftovers.append(f"{LEFTOVER_HEADINGS[which]}: {'; '.join(unmatched)}")
        if leftovers:
            vacancy.description = "\n\n".join([vacancy.description.strip(), *leftovers]).strip()
            vacancy.save(update_fields=["description"])


def backwards(apps, schema_editor):
    Vacancy = apps.get_model("companies", "Vacancy")
    for vacancy in Vacancy.objects.prefetch_related("required_competences", "nice_competences"):
        vacancy.required_text = "\n".join(term.labels.get("nl", "") for term in vacancy.required_competences.all())
        vacancy.nice_text = "\n".join(term.labels.get("nl", "") for term in vacancy.nice_competences.all())
        vacancy.save(update_fields=["required_text", "nice_text"])


class Migration(migrations.Migration):
    dependencies = [
        ("companies", "0005_sites_and_vacancy_terms"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
    ]
