"""The lists a user may download: candidates (with their campaigns), vacancies and companies."""

from datetime import date

from django.db.models import Count, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from candidates.models import CandidateLanguage
from companies.models import Company, Shift, StartRoute, Vacancy
from companies.permissions import visible_companies, visible_vacancies
from jobroad.exports import Export

from ..selectors import candidates_with_progress


def candidates_export(user, *, query: str = "", selected: list[int] | None = None) -> Export:
    """The candidate list (``?q=`` filters it as on the page; ``selected`` ids, ticked on it, narrow it to them),
    with the details a caseload needs."""
    candidates = candidates_with_progress(user, query=query).select_related("coach", "reception_centre")
    if selected:
        candidates = candidates.filter(pk__in=selected)
    candidates = candidates.prefetch_related(
        Prefetch("languages", queryset=CandidateLanguage.objects.order_by("language"))
    )
    headers = [
        _("First name"), _("Last name"), _("Reference number"), _("Gender"), _("Birth year"), _("Nationality"),
        _("Education level"), _("Diploma recognition (NARIC)"), _("Residence status"), _("Eligible from"),
        _("Target group"), _("Languages"), _("Driving licence"), _("Reception centre"), _("Registered by"),
        _("Job coach"), _("Campaigns"), _("Consent to share with companies"), _("Registered on"),
    ]  # fmt: skip

    def rows():
        for candidate in candidates.iterator(chunk_size=500):
            yield [
                candidate.first_name,
                candidate.last_name,
                candidate.reference_number,
                candidate.get_gender_display(),
                candidate.birth_year,
                candidate.nationality_name,
                candidate.get_education_level_display(),
                candidate.get_diploma_recognition_display(),
                candidate.get_residence_status_display(),
                eligible_from_text(candidate.eligible_from),
                candidate.get_target_group_display(),
                ", ".join(f"{language.language} {language.level}" for language in candidate.languages.all()),
                candidate.has_driving_licence,
                candidate.reception_centre.name if candidate.reception_centre else "",
                candidate.registered_by.name,
                str(candidate.coach) if candidate.coach else "",
                ", ".join(
                    f"{enrolment.campaign.name} ({enrolment.campaign.get_phase_display()})"
                    for enrolment in candidate.visible_enrolments
                ),
                candidate.may_share_with_companies,
                timezone.localtime(candidate.created_at).date(),
            ]

    return Export(name=_("candidates"), headers=headers, rows=rows(), candidates=candidates)


def eligible_from_text(day: date | None):
    if day is None:
        return _("check the residence document")
    if day == date.min:
        return _("no restriction")
    return day


def vacancies_export(user) -> Export:
    vacancies = (
        visible_vacancies(user)
        .select_related("company__organisation", "site", "occupation")
        .prefetch_related("required_competences", "nice_competences")
        .order_by(*Vacancy._meta.ordering, "pk")
    )
    headers = [
        _("Company"), _("Job title"), _("Site"), _("Occupation"), _("Positions"), _("Required competences"),
        _("Nice-to-have competences"), _("Language"), _("Language level"), _("Driving licence required"),
        _("Shifts"), _("Physical demands"), _("Start routes"), _("Contract type"), _("Open"), _("Description"),
    ]  # fmt: skip

    def rows():
        for vacancy in vacancies.iterator(chunk_size=500):
            yield [
                vacancy.company.organisation.name,
                vacancy.title,
                vacancy.site.name if vacancy.site else "",
                vacancy.occupation.label if vacancy.occupation else "",
                vacancy.positions,
                "; ".join(term.label for term in vacancy.required_competences.all()),
                "; ".join(term.label for term in vacancy.nice_competences.all()),
                vacancy.language,
                vacancy.language_level,
                vacancy.driving_licence_required,
                "; ".join(choice_labels(Shift, vacancy.shifts)),
                vacancy.get_physical_demand_display(),
                "; ".join(choice_labels(StartRoute, vacancy.start_routes)),
                vacancy.get_contract_type_display(),
                vacancy.is_open,
                vacancy.description,
            ]

    return Export(name=_("vacancies"), headers=headers, rows=rows())


def choice_labels(choices, values: list[str]) -> list[str]:
    return [str(choices(value).label) if value in choices.values else value for value in values or []]


def companies_export(user) -> Export:
    companies = (
        visible_companies(user)
        .select_related("organisation", "pledge_signed_by")
        .annotate(open_vacancy_count=Count("vacancies", filter=Q(vacancies__is_open=True)))
        .order_by(*Company._meta.ordering, "pk")
    )
    headers = [
        _("Company"), _("Enterprise number"), _("Sector"), _("Address"), _("Ambassador company"),
        _("Blind-hiring pledge signed"), _("Open vacancies"),
    ]  # fmt: skip

    def rows():
        for company in companies.iterator(chunk_size=500):
            yield [
                company.organisation.name,
                company.enterprise_number,
                company.get_sector_display(),
                company.organisation.address,
                company.is_ambassador,
                timezone.localtime(company.pledge_signed_at).date() if company.pledge_signed_at else "",
                company.open_vacancy_count,
            ]

    return Export(name=_("companies"), headers=headers, rows=rows())
