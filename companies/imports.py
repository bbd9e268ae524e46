"""Vacancies from a spreadsheet: the columns a file may have, validated row by row with ``VacancyForm``
and saved with ``services.save_vacancy`` — the same rules as a vacancy entered by hand. The flow (preview,
duplicates, one transaction) is ``jobroad.imports``."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from jobroad.imports import Column, ImportSpec, RowResult
from jobroad.languages import language_code
from jobroad.models import ImportKind, PendingImport
from jobroad.tabular import normalise_label

from . import services
from .forms import VacancyForm
from .models import Site, Vacancy


def site_names(site: Site) -> list[str]:
    return [site.name, str(site), site.address]


COLUMNS = (
    Column(
        "title",
        {"nl": "Functie", "fr": "Intitulé du poste", "en": "Job title"},
        aliases=("titel", "title", "functietitel", "vacature", "vacancy", "poste", "intitulé", "fonction"),
        required=True,
        help=gettext_lazy("The job as the company calls it."),
        example="Orderpicker",
    ),
    Column(
        "site",
        {"nl": "Vestiging", "fr": "Site", "en": "Site"},
        aliases=("locatie", "werkplaats", "lieu", "siège", "location", "workplace"),
        help=gettext_lazy("The name of one of the company's sites; may stay empty when the company has one site."),
        example="Magazijn Zuid",
        names_of=site_names,
    ),
    Column(
        "occupation",
        {"nl": "Beroep", "fr": "Métier", "en": "Occupation"},
        aliases=("profession", "beroep isco", "isco"),
        help=gettext_lazy("An occupation as JobRoad lists it, in Dutch, French or English."),
    ),
    Column(
        "positions",
        {"nl": "Aantal plaatsen", "fr": "Nombre de postes", "en": "Positions"},
        aliases=("plaatsen", "aantal", "postes", "number of positions", "openings"),
        help=gettext_lazy("A whole number, 1 or more."),
        example="2",
    ),
    Column(
        "description",
        {"nl": "Omschrijving", "fr": "Description", "en": "Description"},
        aliases=("beschrijving", "wat is de job", "what the job is"),
        help=gettext_lazy("What the job is, in a few plain sentences."),
    ),
    Column(
        "required_competences",
        {"nl": "Vereiste competenties", "fr": "Compétences requises", "en": "Required competences"},
        aliases=("competenties", "vereiste vaardigheden", "required skills", "compétences"),
        help=gettext_lazy("Competences as JobRoad lists them, separated by ; (semicolon)."),
    ),
    Column(
        "nice_competences",
        {"nl": "Gewenste competenties", "fr": "Compétences souhaitées", "en": "Nice-to-have competences"},
        aliases=("pluspunten", "atouts", "nice to have", "nice to have competences", "optional competences"),
        help=gettext_lazy("Competences as JobRoad lists them, separated by ; (semicolon)."),
    ),
    Column(
        "language",
        {"nl": "Taal", "fr": "Langue", "en": "Language"},
        aliases=("vereiste taal", "langue requise", "required language"),
        help=gettext_lazy(
            "The language the job needs, by its name in Dutch, French or English, its own name or its code "
            "(Nederlands, néerlandais, Dutch, nl); give its level too."
        ),
        example="Nederlands",
        convert=language_code,
    ),
    Column(
        "language_level",
        {"nl": "Taalniveau", "fr": "Niveau de langue", "en": "Language level"},
        aliases=("niveau", "level", "cefr", "erk", "vereist niveau", "required level"),
        help=gettext_lazy("A1, A2, B1, B2, C1 or C2."),
        example="A2",
    ),
    Column(
        "driving_licence_required",
        {"nl": "Rijbewijs vereist", "fr": "Permis de conduire requis", "en": "Driving licence required"},
        aliases=("rijbewijs", "permis", "permis de conduire", "driving licence", "driver's license"),
        help=gettext_lazy("yes or no (ja/nee, oui/non)."),
        example="nee",
    ),
    Column(
        "shifts",
        {"nl": "Ploegen", "fr": "Horaires", "en": "Shifts"},
        aliases=("uurrooster", "werkrooster", "shift", "horaire", "équipes"),
        help=gettext_lazy("One or more, separated by ; (semicolon)."),
        example="Vroege; Late",
    ),
    Column(
        "physical_demand",
        {"nl": "Fysieke belasting", "fr": "Pénibilité physique", "en": "Physical demands"},
        aliases=("zwaarte", "physical demand", "effort physique"),
    ),
    Column(
        "start_routes",
        {"nl": "Startroutes", "fr": "Parcours de démarrage", "en": "Start routes"},
        aliases=("mogelijke startroutes", "possible start routes", "instapmogelijkheden"),
        help=gettext_lazy("One or more, separated by ; (semicolon)."),
    ),
    Column(
        "contract_type",
        {"nl": "Contract", "fr": "Type de contrat", "en": "Contract type"},
        aliases=("contracttype", "soort contract", "contrat"),
    ),
    Column(
        "is_open",
        {"nl": "Open", "fr": "Ouvert", "en": "Open"},
        aliases=("actief", "active", "ouverte"),
        help=gettext_lazy("yes or no; empty means yes (the vacancy is open)."),
        example="ja",
    ),
)


class VacancyImport(ImportSpec):
    kind = ImportKind.VACANCIES
    columns = COLUMNS

    def __init__(self):
        # Read once per preview, not once per row.
        self._sites: dict[int, list[int]] = {}
        self._existing: dict[int, dict[str, set]] = {}

    def sites(self, pending: PendingImport) -> list[int]:
        if pending.company_id not in self._sites:
            self._sites[pending.company_id] = list(
                Site.objects.filter(company=pending.company_id).values_list("pk", flat=True)
            )
        return self._sites[pending.company_id]

    def form(self, pending: PendingImport, data: dict | None = None) -> VacancyForm:
        sites = self.sites(pending)
        if data is not None and not data.get("site") and len(sites) == 1:
            data = {**data, "site": sites[0]}  # one site: every vacancy is there
        return VacancyForm(data, instance=Vacancy(company=pending.company))

    def problems(self, pending: PendingImport) -> list[str]:
        if not self.sites(pending):
            return [
                _("Add a site to %(company)s first: every vacancy is at one of its sites.")
                % {"company": pending.company}
            ]
        return []

    def duplicate_keys(self, cleaned: dict) -> list[tuple]:
        site = cleaned.get("site")
        return [(normalise_label(cleaned["title"]), site.pk if site else None)]

    def existing_duplicates(self, pending: PendingImport, cleaned: dict) -> list[str]:
        """A vacancy of the company with the same title, at the same site or at no site in particular."""
        if pending.company_id not in self._existing:
            existing: dict[str, set] = {}
            for title, site_id in Vacancy.objects.filter(company=pending.company_id).values_list("title", "site_id"):
                existing.setdefault(normalise_label(title), set()).add(site_id)
            self._existing[pending.company_id] = existing
        sites = self._existing[pending.company_id].get(normalise_label(cleaned["title"]), set())
        site = cleaned.get("site")
        if not sites or (site is not None and not sites & {site.pk, None}):
            return []
        return [
            _("%(company)s already has a vacancy “%(title)s”.")
            % {"company": pending.company, "title": cleaned["title"]}
        ]

    def save(self, pending: PendingImport, rows: list[RowResult]) -> None:
        for row in rows:
            vacancy = row.form.save(commit=False)
            services.save_vacancy(
                vacancy=vacancy,
                required_competences=row.form.cleaned_data.get("required_competences") or [],
                nice_competences=row.form.cleaned_data.get("nice_competences") or [],
            )

    def done_url(self, pending: PendingImport) -> str:
        return reverse("company_detail", kwargs={"pk": pending.company_id})

    def done_message(self, pending: PendingImport, count: int) -> str:
        return ngettext(
            "%(count)s vacancy imported for %(company)s.", "%(count)s vacancies imported for %(company)s.", count
        ) % {"count": count, "company": pending.company}

    def upload_url(self, pending: PendingImport) -> str:
        return reverse("vacancy_import", kwargs={"pk": pending.company_id})

    def target(self, pending: PendingImport) -> str:
        return _("Vacancies of %(company)s") % {"company": pending.company}
