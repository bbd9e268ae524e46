"""Importing candidates from a spreadsheet (campaigns.intake.imports): into one's own campaign in its intake, with the
registration rules, duplicates flagged without naming another organisation's candidate."""

from django.urls import reverse

from campaigns.intake import services as intake_services
from campaigns.models import CampaignPhase
from candidates.models import Candidate, TargetGroup
from jobroad import imports
from jobroad.models import AuditAction, AuditEntry, AuditPlace, ImportKind, PendingImport

from .files import (
    CANDIDATE_HEADER,
    LOW,
    REFUGEE,
    candidate_rows,
    csv_upload,
    pending_of,
    refusal,
    upload_candidates,
)

# --- candidates -----------------------------------------------------------------------------------------


def test_an_intermediary_imports_candidates_into_its_campaign_with_languages_and_consent(intermediary, world):
    file = csv_upload(
        f"{CANDIDATE_HEADER};Toestemming profiel delen\n"
        f"Samira;Ahmadi;1994;Afghanistan;{REFUGEE};{LOW};Opvangcentrum Heidedorp;prs C2, nl A2;ja\n"
        "Dawit;Tesfay;1990;ER;recognised_refugee;medium;;ti C2;nee\n",
        name="kandidaten.csv",
    )
    file_with_address = file  # the second row has no centre: the form asks for one or an address
    upload_candidates(intermediary, world, file_with_address)
    pending = pending_of(world.intermediary_a)

    preview = imports.preview_import(pending)

    assert [(row.number, row.errors) for row in preview.error_rows] == [
        (3, [("G · Opvangcentrum", "Give the reception centre where the candidate lives, or an address.")])
    ]


def test_confirmed_candidates_are_registered_by_the_intermediarys_organisation(intermediary, world, centre):
    file = csv_upload(
        f"{CANDIDATE_HEADER};Toestemming profiel delen;Postcode;Gemeente\n"
        f"Samira;Ahmadi;1994;Afghanistan;{REFUGEE};{LOW};Opvangcentrum Heidedorp;prs C2, nl A2;ja;;\n"
        "Dawit;Tesfay;1990;ER;recognised_refugee;medium;;ti C2;nee;9000;Gent\n",
        name="kandidaten.csv",
    )
    upload_candidates(intermediary, world, file)
    pending = pending_of(world.intermediary_a)

    response = intermediary.post(reverse("import_confirm", kwargs={"pk": pending.pk}))

    assert response.url == reverse("candidate_list")
    samira = Candidate.objects.get(first_name="Samira")
    assert (samira.registered_by, samira.reception_centre, samira.nationality, samira.birth_year) == (
        world.intermediary_org_a,
        centre,
        "AF",
        1994,
    )
    assert samira.target_group == TargetGroup.REFUGEES  # the campaign's own target group
    assert sorted(samira.languages.values_list("language", "level")) == [("nl", "A2"), ("prs", "C2")]
    assert samira.may_share_with_companies
    assert list(samira.campaigns.all()) == [world.campaign_a]
    dawit = Candidate.objects.get(first_name="Dawit")
    assert (dawit.city, dawit.may_share_with_companies) == ("Gent", False)
    assert [str(message) for message in response.wsgi_request._messages] == ["2 candidates registered in Campaign A."]


def test_candidate_rows_are_checked_with_the_registration_rules(intermediary, world):
    upload_candidates(
        intermediary,
        world,
        candidate_rows(
            f"Amal;Haddad;negentig;Syrië;{REFUGEE};{LOW};Opvangcentrum Heidedorp;ar C2",
            f"Yonas;Tesfaye;1990;Atlantis;asylum_applicant;{LOW};Opvangcentrum Heidedorp;ti",
        ),
    )

    preview = imports.preview_import(pending_of(world.intermediary_a))

    assert [(row.number, row.errors) for row in preview.error_rows] == [
        (2, [("C · Geboortejaar", "Enter a whole number.")]),
        (
            3,
            [
                ("D · Nationaliteit", "“Atlantis” is not one of the choices; the template's help sheet lists them."),
                ("H · Talen", "“ti” has no level. Write each language with its level, e.g. “ar C2; nl A2”."),
                (
                    "Asylum application date",
                    "Give the date of the asylum application (annex 26 or orange card): access to work follows from "
                    "it.",
                ),
            ],
        ),
    ]


def test_outside_the_intake_an_intermediary_is_told_why_and_nothing_is_kept(intermediary, world):
    world.campaign_a.phase = CampaignPhase.SCREENING
    world.campaign_a.save()

    response = upload_candidates(intermediary, world, candidate_rows(f"Amal;Haddad;1990;SY;{REFUGEE};{LOW};;"))

    assert response.status_code == 400
    assert refusal(response) == [
        " ".join(intake_services.registration_problems(campaign=world.campaign_a, actor=world.intermediary_a))
    ]
    assert not PendingImport.objects.exists()


def test_an_intermediary_cannot_import_into_another_organisations_campaign(intermediary, world):
    response = upload_candidates(intermediary, world, candidate_rows("Amal;Haddad;;;;;;"), campaign=world.campaign_b)

    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["campaign"]
    assert not PendingImport.objects.exists()


def test_a_coordinator_imports_for_a_partner_organisation(intermediary, client_for, world):
    alice = client_for(world.alice)

    upload_candidates(
        alice,
        world,
        candidate_rows(f"Amal;Haddad;1990;SY;{REFUGEE};{LOW};Opvangcentrum Heidedorp;ar C2"),
        organisation=world.intermediary_org_a,
    )
    alice.post(reverse("import_confirm", kwargs={"pk": pending_of(world.alice).pk}), {"flagged": "import"})

    assert Candidate.objects.get(first_name="Amal", birth_year=1990).registered_by == world.intermediary_org_a


def test_an_imported_name_is_previewed_and_saved_without_its_invisible_control_characters(intermediary, world):
    upload_candidates(
        intermediary,
        world,
        candidate_rows(f"\u202ealiraS\u202c;Ahm\u200badi\ufeff;1994;AF;{REFUGEE};{LOW};Opvangcentrum Heidedorp;"),
    )
    pending = pending_of(world.intermediary_a)

    preview = imports.preview_import(pending)
    intermediary.post(reverse("import_confirm", kwargs={"pk": pending.pk}))

    assert preview.rows[0].cells[:2] == ["aliraS", "Ahmadi"]
    assert list(Candidate.objects.filter(last_name="Ahmadi").values_list("first_name", flat=True)) == ["aliraS"]


def test_a_formula_behind_an_invisible_mark_is_still_refused(intermediary, world):
    upload_candidates(
        intermediary,
        world,
        candidate_rows(f'\u200f=HYPERLINK("http://x.example");Tesfay;1990;ER;{REFUGEE};{LOW};Opvangcentrum Heidedorp;'),
    )

    preview = imports.preview_import(pending_of(world.intermediary_a))

    assert [(row.number, [label for label, _message in row.errors]) for row in preview.error_rows] == [
        (2, ["A · Voornaam"])
    ]


def test_a_duplicate_in_another_organisation_is_flagged_without_naming_it(intermediary, world):
    Candidate.objects.filter(pk=world.candidate_b.pk).update(birth_year=1988, nationality="ER")

    upload_candidates(
        intermediary,
        world,
        candidate_rows(
            f"Yonas;HADDAD;1988;Eritrea;{REFUGEE};{LOW};Opvangcentrum Heidedorp;",
            f"Amal;Haddad;1991;SY;{REFUGEE};{LOW};Opvangcentrum Heidedorp;",
        ),
    )
    preview = imports.preview_import(pending_of(world.intermediary_a))

    assert [(row.number, row.flags) for row in preview.flagged_rows] == [
        (
            2,
            [
                "Likely duplicate of a candidate who is registered already (same name, birth year and nationality); "
                "ask a JobRoad coordinator whether it is the same person."
            ],
        )
    ]


def test_a_file_fishing_for_reference_numbers_leaves_the_uploader_and_every_match_in_the_audit_trail(
    intermediary, world, caplog
):
    Candidate.objects.filter(pk=world.candidate_b.pk).update(reference_number="OCMW-77", reference_key="OCMW77")
    Candidate.objects.filter(pk=world.candidate_a.pk).update(reference_number="OC-1", reference_key="OC1")
    upload_candidates(
        intermediary,
        world,
        csv_upload(
            f"{CANDIDATE_HEADER};Referentienummer\n"
            f"Samira;Ahmadi;1994;AF;{REFUGEE};{LOW};Opvangcentrum Heidedorp;;ocmw 77\n"
            f"Dawit;Tesfay;1990;ER;{REFUGEE};{LOW};Opvangcentrum Heidedorp;;OC-1\n"
            f"Yonas;Kidane;1992;ER;{REFUGEE};{LOW};Opvangcentrum Heidedorp;;OCMW-78\n"
        ),
    )

    with caplog.at_level("INFO", logger="jobroad.audit"):
        imports.preview_import(pending_of(world.intermediary_a))

    assert list(
        AuditEntry.objects.filter(action=AuditAction.MATCHED).order_by("pk").values_list("actor", "place", "candidate")
    ) == [
        (world.intermediary_a.pk, AuditPlace.IMPORT, world.candidate_b.pk),
        (world.intermediary_a.pk, AuditPlace.IMPORT, world.candidate_a.pk),
    ]
    assert caplog.messages == [
        f"A duplicate check (import) by user {world.intermediary_a.pk} matched 2 candidate(s): "
        f"{world.candidate_b.pk}, {world.candidate_a.pk}"
    ]


def test_a_candidate_of_the_own_organisation_is_flagged_by_name(intermediary, world):
    Candidate.objects.filter(pk=world.candidate_a.pk).update(
        reference_number="OC-2026/0042", reference_key="OC20260042"
    )

    upload_candidates(
        intermediary,
        world,
        csv_upload(
            f"{CANDIDATE_HEADER};Referentienummer\n"
            f"Samira;Ahmadi;1994;AF;{REFUGEE};{LOW};Opvangcentrum Heidedorp;;oc 2026 0042\n"
        ),
    )
    preview = imports.preview_import(pending_of(world.intermediary_a))

    assert preview.flagged_rows[0].flags == [
        f"Likely registered already: {world.candidate_a}, by Werkwinkel A (same reference number)."
    ]


def test_the_same_person_twice_in_a_file_is_flagged_and_skipping_imports_the_first(intermediary, world):
    upload_candidates(
        intermediary,
        world,
        candidate_rows(
            f"Samira;Ahmadi;1994;AF;{REFUGEE};{LOW};Opvangcentrum Heidedorp;",
            f"Dawit;Tesfay;1990;ER;{REFUGEE};{LOW};Opvangcentrum Heidedorp;",
            f"AHMADI;Samira;1994;Afghanistan;{REFUGEE};{LOW};Opvangcentrum Heidedorp;",
        ),
    )
    pending = pending_of(world.intermediary_a)

    preview = imports.preview_import(pending)
    intermediary.post(reverse("import_confirm", kwargs={"pk": pending.pk}), {"flagged": "skip"})

    assert [(row.number, row.flags) for row in preview.flagged_rows] == [(4, ["Same as row 2 of this file."])]
    assert Candidate.objects.filter(name_key="ahmadi samira").count() == 1
    assert Candidate.objects.filter(first_name="Dawit").count() == 1


def test_flagged_candidates_are_registered_when_the_person_checked_them(intermediary, world):
    upload_candidates(
        intermediary,
        world,
        candidate_rows(
            f"Samira;Ahmadi;1994;AF;{REFUGEE};{LOW};Opvangcentrum Heidedorp;",
            f"Samira;Ahmadi;1994;AF;{REFUGEE};{LOW};Opvangcentrum Heidedorp;",
        ),
    )

    intermediary.post(
        reverse("import_confirm", kwargs={"pk": pending_of(world.intermediary_a).pk}), {"flagged": "import"}
    )

    assert Candidate.objects.filter(name_key="ahmadi samira").count() == 2


def test_when_the_intake_closes_before_confirming_nothing_is_registered(intermediary, world):
    upload_candidates(
        intermediary, world, candidate_rows(f"Samira;Ahmadi;1994;AF;{REFUGEE};{LOW};Opvangcentrum Heidedorp;")
    )
    pending = pending_of(world.intermediary_a)
    world.campaign_a.phase = CampaignPhase.SCREENING
    world.campaign_a.save()

    response = intermediary.post(reverse("import_confirm", kwargs={"pk": pending.pk}))

    assert response.url == reverse("import_preview", kwargs={"pk": pending.pk})
    assert not Candidate.objects.filter(first_name="Samira").exists()


def test_a_candidate_file_of_the_largest_size_previews_and_imports_in_one_go(intermediary, world):
    rows = [
        f"Kandidaat{n};Achternaam{n};{1960 + n % 40};SY;{REFUGEE};{LOW};Opvangcentrum Heidedorp;ar C2"
        for n in range(imports.spec_for(ImportKind.CANDIDATES).max_rows)
    ]
    upload_candidates(intermediary, world, candidate_rows(*rows))
    pending = pending_of(world.intermediary_a)

    page = intermediary.get(reverse("import_preview", kwargs={"pk": pending.pk}))
    intermediary.post(reverse("import_confirm", kwargs={"pk": pending.pk}))

    assert page.context["preview"].can_confirm
    assert world.campaign_a.enrolments.count() == 1 + 250


def test_the_candidate_upload_page_offers_only_campaigns_open_to_the_user(intermediary, world):
    response = intermediary.get(reverse("candidate_import"))

    assert list(response.context["form"].fields["campaign"].queryset) == [world.campaign_a]
    assert "organisation" not in response.context["form"].fields  # one organisation: it registers


def test_a_10000_row_candidate_file_is_refused_with_the_candidate_limit(intermediary, world):
    rows = [f"Kandidaat;Achternaam;1990;SY;{REFUGEE};{LOW};Opvangcentrum Heidedorp;ar C2"] * 10_000

    response = upload_candidates(intermediary, world, candidate_rows(*rows))

    assert refusal(response) == [
        "The file has more than 250 rows. One import takes at most 250 rows: split the file into smaller files "
        "and import them one after the other."
    ]
    assert not PendingImport.objects.exists()
    assert Candidate.objects.count() == 2
