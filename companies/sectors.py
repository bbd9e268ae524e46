"""The sectors: the one list that a company is in and that a candidate wishes to work in, and the code of a sector as
people type it.

A sector is stored as its code (``logistics``) wherever a rule reads it: matching gives a candidate the points of a
wish when the company is in a sector the candidate wishes. Spreadsheets and data from before the list carry names
as people write them ("Logistiek", "logistique", "Horeca", "Grafische sector"): ``sector_code`` turns those into
codes.
"""

import re
from functools import cache

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jobroad.languages import UI_LANGUAGES, name_key


class Sector(models.TextChoices):
    """Broad groups of NACE sections, in a jobseeker's words."""

    AGRICULTURE = "agriculture", gettext_lazy("Agriculture and horticulture")
    GREEN = "green", gettext_lazy("Gardening and green spaces")
    FOOD = "food", gettext_lazy("Food production")
    INDUSTRY = "industry", gettext_lazy("Production and industry")
    CONSTRUCTION = "construction", gettext_lazy("Construction")
    LOGISTICS = "logistics", gettext_lazy("Transport and logistics")
    CLEANING = "cleaning", gettext_lazy("Cleaning")
    HOSPITALITY = "hospitality", gettext_lazy("Hotels, restaurants and catering")
    RETAIL = "retail", gettext_lazy("Shops and retail")
    CARS = "cars", gettext_lazy("Car repair and maintenance")
    CARE = "care", gettext_lazy("Care and welfare")
    OFFICE = "office", gettext_lazy("Office and IT")


# The names a sector goes by in Dutch, French and English beside its label: the part of the label people write alone
# ("Logistiek" for "Transport en logistiek"), the short names of the Belgian joint committees and federations
# ("Horeca", "Metaal", "Grafische sector"), and the branches a group holds (NACE C: metal, textile and printing are
# manufacturing, so production and industry).
ALSO_CALLED = {
    Sector.AGRICULTURE: (
        "landbouw", "tuinbouw", "land en tuinbouw", "agrarisch", "serreteelt", "agriculture", "horticulture",
        "agriculture horticulture", "farming",
    ),
    Sector.GREEN: (
        "groen", "groenvoorziening", "groensector", "tuinaanleg", "hovenier", "espaces verts", "jardinage",
        "parcs et jardins", "gardening", "green spaces", "landscaping",
    ),
    Sector.FOOD: (
        "voeding", "voedingsindustrie", "voedingssector", "alimentation", "alimentaire", "industrie alimentaire",
        "agroalimentaire", "agro alimentaire", "food", "food industry",
    ),
    Sector.INDUSTRY: (
        "industrie", "productie", "metaal", "metaalindustrie", "metaalsector", "metaalbewerking", "textiel",
        "textielindustrie", "grafisch", "grafische", "grafische sector", "grafische industrie", "drukkerij",
        "chemie", "kunststof", "hout", "production", "metal", "metallurgie", "metallurgy", "textile",
        "imprimerie", "industrie graphique", "industry", "manufacturing", "printing",
    ),
    Sector.CONSTRUCTION: ("bouw", "bouwsector", "bouwnijverheid", "batiment", "building"),
    Sector.LOGISTICS: (
        "logistiek", "transport", "logistiek en transport", "transport logistiek", "distributie", "logistique",
        "transport et logistique", "logistics", "logistics and transport", "warehousing",
    ),
    Sector.CLEANING: ("schoonmaak", "schoonmaaksector", "poetsen", "nettoyage", "proprete", "cleaning"),
    Sector.HOSPITALITY: (
        "horeca", "hotel", "restaurant", "catering", "hotellerie", "restauration", "hospitality",
    ),
    Sector.RETAIL: (
        "retail", "kleinhandel", "detailhandel", "handel", "winkel", "commerce", "vente", "commerce de detail",
    ),
    Sector.CARS: ("automobiel", "autosector", "garage", "automobile", "automotive", "car repair"),
    Sector.CARE: (
        "zorg", "zorgsector", "welzijn", "gezondheidszorg", "ouderenzorg", "soins", "sante", "aide sociale",
        "care", "health care", "healthcare", "welfare",
    ),
    Sector.OFFICE: (
        "kantoor", "administratie", "ict", "it", "bureau", "administration", "informatique", "office",
    ),
}  # fmt: skip


def sector_code(text: str) -> str:
    """The code of a sector as people type it: its code (``logistics``), its label in Dutch, French or English
    (``Transport en logistiek``) or a name it also goes by (``Logistiek``, ``logistique``, ``Horeca``), ignoring
    case, accents and punctuation. Refuses (ValidationError) a name it does not know, with examples of what it
    takes."""
    found = _codes_by_name().get(name_key(text))
    if found:
        return found
    raise ValidationError(
        _(
            "“%(value)s” is not a sector we know. Write its name in Dutch, French or English or its code, e.g. "
            "Logistiek, logistique, Logistics or logistics; Horeca or hospitality."
        ),
        code="unknown_sector",
        params={"value": text},
    )


def sector_codes(text: str) -> list[str]:
    """Several sectors in one cell, separated by ; (a part that names no sector is read as a list with commas:
    a label such as "Hotels, restaurants and catering" holds one itself)."""
    codes = []
    for part in filter(str.strip, re.split(r"[;|\n]+", text)):
        try:
            codes.append(sector_code(part))
        except ValidationError:
            codes += [sector_code(piece) for piece in part.split(",") if piece.strip()]
    return list(dict.fromkeys(codes))


@cache
def _codes_by_name() -> dict[str, str]:
    """Every accepted spelling (folded) → the code it names."""
    found: dict[str, str] = {}
    for sector in Sector:
        names = {sector.value, *ALSO_CALLED[sector]}
        for language in UI_LANGUAGES:
            with translation.override(language):
                names.add(str(sector.label))
        found |= {name_key(name): sector.value for name in names}
    return found
