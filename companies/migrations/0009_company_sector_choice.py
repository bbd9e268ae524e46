"""A company's sector becomes a choice of the sectors candidates wish for. It was free text, so a row may hold a name
("Logistiek", "Transport en logistiek", "Horeca", "Grafische sector"): those are turned into their code. A value no
sector goes by is cleared (the company form asks for the sector when the company is next edited): matching read
such a value as no sector and silently took the points of a wish from every candidate who wished for it.

The names it knows are frozen below (a copy of what ``companies.sectors.sector_code`` read when this migration was
written), so neither a later change of the app's code nor missing compiled translations change what it does."""

import re
import unicodedata

from django.db import migrations, models

# Every spelling it took (folded as jobroad.languages.name_key folds) → its code: the codes, the labels in Dutch,
# French and English (from the catalogues compiled in December 2026) and the other names of companies.sectors.
NAMES = {
    'agriculture': (
        'agrarisch', 'agriculture', 'agriculture and horticulture', 'agriculture et horticulture',
        'agriculture horticulture', 'farming', 'horticulture', 'land en tuinbouw', 'landbouw', 'serreteelt', 'tuinbouw',
    ),
    'care': (
        'aide sociale', 'care', 'care and welfare', 'gezondheidszorg', 'health care', 'healthcare', 'ouderenzorg',
        'sante', 'soins', 'soins et aide sociale', 'welfare', 'welzijn', 'zorg', 'zorg en welzijn', 'zorgsector',
    ),
    'cars': (
        'autoherstelling en onderhoud', 'automobiel', 'automobile', 'automotive', 'autosector', 'car repair',
        'car repair and maintenance', 'cars', 'garage', 'reparation et entretien automobile',
    ),
    'cleaning': (
        'cleaning', 'nettoyage', 'poetsen', 'proprete', 'schoonmaak', 'schoonmaaksector',
    ),
    'construction': (
        'batiment', 'bouw', 'bouwnijverheid', 'bouwsector', 'building', 'construction',
    ),
    'food': (
        'agro alimentaire', 'agroalimentaire', 'alimentaire', 'alimentation', 'food', 'food industry',
        'food production', 'industrie alimentaire', 'production alimentaire', 'voeding', 'voedingsindustrie',
        'voedingsproductie', 'voedingssector',
    ),
    'green': (
        'espaces verts', 'gardening', 'gardening and green spaces', 'green', 'green spaces', 'groen', 'groensector',
        'groenvoorziening', 'hovenier', 'jardinage', 'jardinage et espaces verts', 'landscaping', 'parcs et jardins',
        'tuinaanleg', 'tuinaanleg en groenvoorziening',
    ),
    'hospitality': (
        'catering', 'horeca', 'hospitality', 'hotel', 'hotellerie', 'hotellerie restauration et traiteur',
        'hotels restaurants and catering', 'hotels restaurants en catering', 'restaurant', 'restauration',
    ),
    'industry': (
        'chemie', 'drukkerij', 'grafisch', 'grafische', 'grafische industrie', 'grafische sector', 'hout', 'imprimerie',
        'industrie', 'industrie graphique', 'industry', 'kunststof', 'manufacturing', 'metaal', 'metaalbewerking',
        'metaalindustrie', 'metaalsector', 'metal', 'metallurgie', 'metallurgy', 'printing', 'productie',
        'productie en industrie', 'production', 'production and industry', 'production et industrie', 'textiel',
        'textielindustrie', 'textile',
    ),
    'logistics': (
        'distributie', 'logistics', 'logistics and transport', 'logistiek', 'logistiek en transport', 'logistique',
        'transport', 'transport and logistics', 'transport en logistiek', 'transport et logistique',
        'transport logistiek', 'warehousing',
    ),
    'office': (
        'administratie', 'administration', 'bureau', 'bureau et informatique', 'ict', 'informatique', 'it', 'kantoor',
        'kantoor en it', 'office', 'office and it',
    ),
    'retail': (
        'commerce', 'commerce de detail', 'detailhandel', 'handel', 'kleinhandel', 'retail', 'shops and retail',
        'vente', 'winkel', 'winkels en kleinhandel',
    ),
}

CODE_BY_NAME = {name: code for code, names in NAMES.items() for name in names}
SCRIPT_VARIANTS = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "\u0640": None, "\u200c": None, "\u200d": None})


def name_key(text):
    decomposed = unicodedata.normalize("NFKD", str(text).translate(SCRIPT_VARIANTS))
    letters = "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()
    return " ".join(re.findall(r"\w+", letters))


def sector_names_to_codes(apps, schema_editor):
    Company = apps.get_model("companies", "Company")
    for company in Company.objects.exclude(sector="").only("sector"):
        code = CODE_BY_NAME.get(name_key(company.sector), "")
        if code != company.sector:
            Company.objects.filter(pk=company.pk).update(sector=code)


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
