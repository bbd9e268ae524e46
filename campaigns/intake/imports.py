"""Candidates from a spreadsheet: the columns a file may have, each row validated with ``CandidateForm`` (the
registration form) and registered with ``intake_services.register_candidate`` — the same rules, the same intake
phase, the same duplicate check as registering one candidate by hand. The flow (preview, duplicate flags,
one transaction) is ``jobroad.imports``.

Beside the form's fields a file may give the candidate's languages (``ar C2; nl A2``) and the consents the
candidate gave on the printed form (yes/no); the consent is recorded in the candidate's document language.
"""

import re
from functools import partial

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from candidates import selectors
from candidates.forms import IDENTITY, CandidateForm
from candidates.models import ConsentPurpose, name_key, reference_key
from companies.sectors import sector_codes
from jobroad import audit
from jobroad.cells import yes_or_no
from jobroad.imports import Column, ImportSpec, RowResult
from jobroad.languages import DOCUMENT_LANGUAGES, language_code
from jobroad.models import AuditPlace, ImportKind, PendingImport

from . import services as intake_services

MAX_LANGUAGES = 12
LANGUAGE_AND_LEVEL = re.compile(r"(?P<language>.+?)[\s:=/(-]*(?P<level>[ABC][12])\)?", re.IGNORECASE)
# A mother tongue, as partners write it instead of a level: C2.
MOTHER_TONGUE = re.compile(
    r"(?P<language>.+?)[\s:=/(-]*(moedertaal|langue maternelle|native|mother tongue)\)?", re.IGNORECASE
)
# The rule of ``CandidateForm.clean``: where the candidate lives is a reception centre, or a postal code and city.
WHERE_THEY_LIVE = gettext_lazy("required: this, or postal code and city")
POSTAL_CODE_AND_CITY = gettext_lazy("required, both postal code and city, unless a reception centre is given")


def parse_languages(text: str) -> list[tuple[str, str]]:
    """``ar C2; nl A2`` (or ``Arabisch: C2, Nederlands a2``, ``العربية C2``) → [("ar", "C2"), ("nl", "A2")]: a
    language by any of its names (``jobroad.languages.language_code``), a level in either case."""
    pairs = []
    for piece in filter(None, (part.strip() for part in re.split(r"[;,\n|]+", text))):
        if match := MOTHER_TONGUE.fullmatch(piece):
            pairs.append((language_code(match["language"].strip()), "C2"))
            continue
        match = LANGUAGE_AND_LEVEL.fullmatch(piece)
        if not match:
            raise ValidationError(
                _("“%(value)s” has no level. Write each language with its level, e.g. “ar C2; nl A2”.")
                % {"value": piece}
            )
        pairs.append((language_code(match["language"].strip()), match["level"].upper()))
    if len(pairs) > MAX_LANGUAGES:
        raise ValidationError(_("Give at most %(count)s languages.") % {"count": MAX_LANGUAGES})
    return pairs


COLUMNS = (
    Column(
        "first_name",
        {"nl": "Voornaam", "fr": "Prénom", "en": "First name"},
        aliases=("voornamen", "given name", "firstname", "prenoms"),
        required=True,
        example="Amal",
    ),
    Column(
        "last_name",
        {"nl": "Achternaam", "fr": "Nom", "en": "Last name"},
        aliases=("familienaam", "nom de famille", "surname", "family name", "lastname"),
        required=True,
        example="Haddad",
    ),
    Column(
        "reference_number",
        {"nl": "Referentienummer", "fr": "Numéro de référence", "en": "Reference number"},
        aliases=("referentie", "dossiernummer", "numéro de dossier", "reference", "ref"),
        example="OC-2026/0042",
    ),
    Column("gender", {"nl": "Geslacht", "fr": "Genre", "en": "Gender"}, aliases=("sexe", "sex"), example="vrouw"),
    Column(
        "birth_year",
        {"nl": "Geboortejaar", "fr": "Année de naissance", "en": "Birth year"},
        aliases=("year of birth", "geboren in", "né en"),
        example="1994",
    ),
    Column(
        "nationality",
        {"nl": "Nationaliteit", "fr": "Nationalité", "en": "Nationality"},
        help=gettext_lazy("A country in Dutch, French or English, or its ISO code (SY, AF, ER)."),
        example="SY",
    ),
    Column(
        "residence_status",
        {"nl": "Verblijfsstatus", "fr": "Statut de séjour", "en": "Residence status"},
        aliases=("verblijf", "status", "statut"),
        required=True,
        example="Erkend vluchteling",
    ),
    Column(
        "asylum_application_date",
        {"nl": "Datum asielaanvraag", "fr": "Date de la demande d'asile", "en": "Asylum application date"},
        aliases=("asielaanvraag", "demande d'asile", "asylum application"),
        example="15/01/2026",
    ),
    Column(
        "asylum_negative_decision_on",
        {"nl": "Datum negatieve beslissing", "fr": "Date de la décision négative", "en": "Negative decision on"},
        aliases=("negatieve beslissing", "décision négative", "negative decision"),
    ),
    Column(
        "temporary_protection_on",
        {
            "nl": "Datum bijlage 15 of A-kaart",
            "fr": "Date de l'annexe 15 ou de la carte A",
            "en": "Annex 15 or A card of",
        },
        aliases=("tijdelijke bescherming", "protection temporaire", "temporary protection", "bijlage 15", "annexe 15"),
        help=gettext_lazy(
            "Temporary protection (Ukraine) only: the date of the annex 15 or the A card; access to work starts then."
        ),
    ),
    Column(
        "reception_centre",
        {"nl": "Opvangcentrum", "fr": "Centre d'accueil", "en": "Reception centre"},
        aliases=("opvang", "reception center", "centre"),
        help=gettext_lazy("The reception centre's name as JobRoad knows it; or give an address instead."),
        requirement=WHERE_THEY_LIVE,
    ),
    Column(
        "street",
        {"nl": "Straat en nummer", "fr": "Rue et numéro", "en": "Street and number"},
        aliases=("straat", "adres", "rue", "adresse", "address", "street"),
        example="Kerkstraat 12",
    ),
    Column(
        "postal_code",
        {"nl": "Postcode", "fr": "Code postal", "en": "Postal code"},
        aliases=("zip", "post code"),
        requirement=POSTAL_CODE_AND_CITY,
        example="9000",
    ),
    Column(
        "city",
        {"nl": "Gemeente", "fr": "Commune", "en": "City"},
        aliases=("woonplaats", "stad", "ville", "localité", "town"),
        requirement=POSTAL_CODE_AND_CITY,
        example="Gent",
    ),
    Column(
        "preferred_language",
        {"nl": "Taal voor documenten", "fr": "Langue des documents", "en": "Language for documents"},
        aliases=("voorkeurtaal", "langue préférée", "preferred language", "document language"),
        help=gettext_lazy("A language by its name in Dutch, French or English, its own name or its code."),
        example="Dari",
        convert=partial(language_code, codes=DOCUMENT_LANGUAGES),
    ),
    Column(
        "phone",
        {"nl": "GSM", "fr": "Téléphone portable", "en": "Mobile phone"},
        aliases=("gsm nummer", "telefoon", "téléphone", "portable", "phone", "mobile"),
        example="0470 12 34 56",
    ),
    Column(
        "email",
        {"nl": "E-mail", "fr": "Adresse e-mail", "en": "E-mail address"},
        aliases=("e-mailadres", "email", "courriel", "email address"),
        example="amal.haddad@example.org",
    ),
    Column(
        "education_level",
        {"nl": "Opleidingsniveau", "fr": "Niveau d'études", "en": "Education level"},
        aliases=("opleiding", "scholing", "niveau d'éducation", "education", "isced"),
        required=True,
        example="Medium (ISCED 3–4)",
    ),
    Column(
        "diploma_recognition",
        {
            "nl": "Diplomaerkenning (NARIC)",
            "fr": "Reconnaissance du diplôme (NARIC)",
            "en": "Diploma recognition (NARIC)",
        },
        aliases=("naric", "diplomaerkenning", "gelijkwaardigheid", "équivalence", "diploma recognition"),
        example="Nog niet aangevraagd",
    ),
    Column(
        "diploma_recognition_on",
        {"nl": "Datum beslissing NARIC", "fr": "Date de la décision NARIC", "en": "NARIC decision of"},
        aliases=("beslissing naric", "décision naric", "naric decision"),
        help=gettext_lazy("The date of NARIC's decision, when there is one."),
    ),
    Column(
        "experience_summary",
        {"nl": "Werkervaring", "fr": "Expérience professionnelle", "en": "Work experience"},
        aliases=("ervaring", "expérience", "experience"),
        example="2 jaar magazijnier in Aleppo",
    ),
    Column(
        "languages",
        {"nl": "Talen", "fr": "Langues", "en": "Languages"},
        aliases=("taalkennis", "langues parlées", "spoken languages"),
        help=gettext_lazy(
            "Each language with its level (A1 to C2, or “moedertaal” for a mother tongue), separated by ; e.g. “ar "
            "C2; nl A2” or “Dari moedertaal; Nederlands A2”."
        ),
        example="Dari C2; Nederlands A2",
        parse=parse_languages,
    ),
    Column(
        "competences",
        {"nl": "Competenties", "fr": "Compétences", "en": "Competences"},
        aliases=("vaardigheden", "skills"),
        help=gettext_lazy("Competences as JobRoad lists them, separated by ; (semicolon)."),
        example="heftruck besturen",
    ),
    Column(
        "desired_occupations",
        {"nl": "Gewenste beroepen", "fr": "Métiers souhaités", "en": "Desired occupations"},
        aliases=("gewenst beroep", "métier souhaité", "desired occupation"),
        help=gettext_lazy("Occupations as JobRoad lists them, separated by ; (semicolon)."),
        example="heftruckchauffeur",
    ),
    Column(
        "desired_sectors",
        {"nl": "Gewenste sectoren", "fr": "Secteurs souhaités", "en": "Desired sectors"},
        aliases=("sector", "sectoren", "secteur", "sectors"),
        help=gettext_lazy(
            "Sectors by their name in Dutch, French or English, separated by ; e.g. “Logistiek; Horeca”."
        ),
        example="Logistiek; Horeca",
        convert=sector_codes,
    ),
    Column(
        "has_driving_licence",
        {"nl": "Rijbewijs", "fr": "Permis de conduire", "en": "Driving licence"},
        aliases=("permis", "driving license", "driver's licence"),
        example="nee",
    ),
    Column(
        "available_from",
        {"nl": "Beschikbaar vanaf", "fr": "Disponible à partir du", "en": "Available from"},
        aliases=("beschikbaar", "disponible", "available"),
        example="01/03/2026",
    ),
    Column(
        "available_shifts",
        {"nl": "Kan werken", "fr": "Peut travailler", "en": "Can work"},
        aliases=("ploegen", "uurrooster", "horaires", "shifts"),
        example="Dag; Weekend",
    ),
    Column(
        "availability_note",
        {"nl": "Opmerking beschikbaarheid", "fr": "Remarque disponibilité", "en": "Availability notes"},
        aliases=("beschikbaarheid", "disponibilité", "availability"),
        example="niet op vrijdagnamiddag",
    ),
    Column(
        "target_group",
        {"nl": "Doelgroep", "fr": "Groupe cible", "en": "Target group"},
        help=gettext_lazy("May stay empty when the campaign has a target group: the candidate gets that one."),
        example="Erkende vluchtelingen",
    ),
    Column(
        ConsentPurpose.SHARE_PROFILE,
        {"nl": "Toestemming profiel delen", "fr": "Accord partage du profil", "en": "Consent to share profile"},
        aliases=("toestemming delen", "consent share profile"),
        help=gettext_lazy("yes when the candidate signed the consent to share the profile with companies."),
        example="ja",
        parse=yes_or_no,
    ),
    Column(
        ConsentPurpose.CONTACT,
        {"nl": "Toestemming herinneringen", "fr": "Accord rappels", "en": "Consent to reminders"},
        aliases=("toestemming contact", "consent contact"),
        help=gettext_lazy("yes when the candidate signed the consent to get reminders by e-mail or SMS."),
        parse=yes_or_no,
    ),
)


class CandidateImport(ImportSpec):
    kind = ImportKind.CANDIDATES
    columns = COLUMNS
    max_rows = 250  # each row is a registration with its duplicate check, languages, enrolment and consent

    def __init__(self):
        self._matched: dict[int, None] = {}  # the candidates this preview's duplicate check found, in order
        self._row_matched: set[int] = set()  # those of the row at hand, which its flags name already

    def form(self, pending: PendingImport, data: dict | None = None) -> CandidateForm:
        campaign = pending.campaign if pending.campaign_id else None
        if data is not None and not data.get("target_group") and campaign and campaign.target_group:
            data = {**data, "target_group": campaign.target_group}  # the campaign's own target group
        return CandidateForm(data)

    def problems(self, pending: PendingImport) -> list[str]:
        """Intermediaries import during the intake phase only — registration's own rule."""
        return intake_services.registration_problems(campaign=pending.campaign, actor=pending.owner)

    def duplicate_keys(self, cleaned: dict) -> list[tuple]:
        """The rule of ``selectors.likely_duplicates``: same name, birth year and nationality, or same
        reference number."""
        keys = []
        if cleaned.get("birth_year") and cleaned.get("nationality"):
            name = name_key(cleaned["first_name"], cleaned["last_name"])
            keys.append(("person", name, cleaned["birth_year"], cleaned["nationality"]))
        if reference := reference_key(cleaned.get("reference_number") or ""):
            keys.append(("reference", reference))
        return keys

    def existing_duplicates(self, pending: PendingImport, cleaned: dict) -> list[str]:
        """One flag per candidate the row likely duplicates. A candidate the uploader may see is named (they can
        open it anyway); any other is only "a candidate registered already", in the same words whoever registered
        it, so a file cannot learn which organisation holds a name or a reference number. Every match is kept for
        the audit (``duplicates_checked``)."""
        identity = {name: cleaned.get(name) or ("" if name != "birth_year" else None) for name in IDENTITY}
        duplicates = selectors.likely_duplicates(**identity)
        self._row_matched = {duplicate.candidate.pk for duplicate in duplicates}
        if not duplicates:
            return []
        self._matched.update(dict.fromkeys(duplicate.candidate.pk for duplicate in duplicates))
        flags = []
        for notice in selectors.duplicate_notices(pending.owner, duplicates):
            reasons = ", ".join(str(reason) for reason in notice.reasons)
            if notice.candidate is not None:
                flags.append(
                    _("Likely registered already: %(name)s, by %(organisation)s (%(reasons)s).")
                    % {"name": notice.candidate, "organisation": notice.candidate.registered_by, "reasons": reasons}
                )
            else:
                flags.append(
                    _(
                        "Likely duplicate of a candidate who is registered already (%(reasons)s); ask a JobRoad "
                        "coordinator whether it is the same person."
                    )
                    % {"reasons": reasons}
                )
        return flags

    def row_notes(self, pending: PendingImport, cleaned: dict) -> list[str]:
        """Candidates the uploader may see whose name may be the row's in another spelling (Mohammed, Muhammad,
        محمد): told, never blocking. Only ``visible_candidates`` are searched, so a file learns nothing about
        another organisation's candidates this way."""
        variants = selectors.possible_variants(
            pending.owner,
            first_name=cleaned["first_name"],
            last_name=cleaned["last_name"],
            birth_year=cleaned.get("birth_year"),
        )
        return [
            _("Possibly the same person as %(name)s (%(year)s), registered by %(organisation)s.")
            % {
                "name": variant.candidate,
                "year": variant.candidate.birth_year or _("birth year unknown"),
                "organisation": variant.candidate.registered_by,
            }
            for variant in variants
            if variant.candidate.pk not in self._row_matched
        ]

    def duplicates_checked(self, pending: PendingImport) -> None:
        """The uploader, and every candidate the file matched, go into the audit trail: a file written to find
        out whom JobRoad knows shows in the trail of each candidate it found."""
        audit.duplicates_found(pending.owner, self._matched, AuditPlace.IMPORT)
        self._matched.clear()

    def save(self, pending: PendingImport, rows: list[RowResult]) -> None:
        for row in rows:
            try:
                intake_services.register_candidate(
                    campaign=pending.campaign,
                    actor=pending.owner,
                    languages=row.extra.get("languages", []),
                    consents=[purpose for purpose in ConsentPurpose.values if row.extra.get(purpose)],
                    allow_duplicates=bool(row.flags),  # flagged rows are here only when a person chose so
                    registered_by=pending.organisation,
                    **row.form.details,
                )
            except intake_services.DuplicateSuspected as suspected:
                raise ValidationError(
                    _("Row %(row)s: a likely duplicate was registered meanwhile. Check the preview again.")
                    % {"row": row.number}
                ) from suspected
            except intake_services.RegistrationRefused as refusal:
                raise ValidationError(refusal.reasons) from refusal

    def done_url(self, pending: PendingImport) -> str:
        return reverse("candidate_list")

    def done_message(self, pending: PendingImport, count: int) -> str:
        return ngettext(
            "%(count)s candidate registered in %(campaign)s.", "%(count)s candidates registered in %(campaign)s.", count
        ) % {"count": count, "campaign": pending.campaign}

    def upload_url(self, pending: PendingImport) -> str:
        return f"{reverse('candidate_import')}?campaign={pending.campaign_id}"

    def target(self, pending: PendingImport) -> str:
        return _("Candidates for %(campaign)s, registered by %(organisation)s") % {
            "campaign": pending.campaign,
            "organisation": pending.organisation,
        }
