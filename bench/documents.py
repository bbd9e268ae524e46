"""The project-week document pack at its real size, and the solvers on the scale set's largest campaign.

- pack: one campaign with 45 candidates interviewed at 15 companies (``seed_scale``'s project week), printed as one
  PDF (run sheet, 15 company day sheets, 45 schedules in each candidate's language) — total seconds and per page.
  Baseline: the same documents printed one by one, as a coordinator clicking each would get them.
- solvers: matching and scheduling of a campaign as large as the scale set's largest (250 candidates, 15
  companies), through the same benchmark instances as the matching and scheduling tables.

Needs Django set up (bench/run.py does it); writes into the benchmark's throw-away database.
"""

import re
import subprocess
import tempfile
import time
from io import StringIO

from django.core.management import call_command

from bench import matching as matching_bench
from bench import scheduling as scheduling_bench
from campaigns.models import Campaign, Interview
from campaigns.projectweek import documents

SCALE_LARGEST = (250, 15)


def pack_campaign() -> Campaign:
    call_command("seed_scale", factor=0.005, stdout=StringIO())  # one campaign, 15 companies, 45 interviews
    campaign = Campaign.objects.get(name__startswith="Scale campagne")
    assert Interview.objects.filter(participation__campaign=campaign, published_day__isnull=False).count() == 45
    return campaign


def page_count(pdf: bytes) -> int:
    """As poppler's pdfinfo counts them (WeasyPrint compresses its page tree)."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(pdf)
        file.flush()
        info = subprocess.run(["pdfinfo", file.name], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M)[1])


def one_by_one(campaign: Campaign) -> tuple[float, int]:
    started = time.perf_counter()
    pages = 0
    for enrolment_pk in (
        campaign.enrolments.filter(interviews__published_day__isnull=False).values_list("pk", flat=True).distinct()
    ):
        pages += page_count(documents.candidate_schedule_pdf(campaign, enrolment_pk))
    for participation_pk in {participation.pk for participation, _day in documents.company_days(campaign)}:
        pages += page_count(documents.company_day_pdf(campaign, participation_pk, "nl", Interview.objects.all()))
    return time.perf_counter() - started, pages


def main() -> None:
    campaign = pack_campaign()
    started = time.perf_counter()
    pack = documents.pack_pdf(campaign, "nl")
    ours = time.perf_counter() - started
    pages = page_count(pack)
    baseline, baseline_pages = one_by_one(campaign)
    print("\nProject-week pack (45 candidates, 15 companies; WeasyPrint)\n")
    print(f"{'document':<26} | {'pages':>5} | {'s':>6} | {'ms/page':>7} | {'one by one s':>12} | {'ratio':>5}")
    print(f"{'-' * 26}-+-{'-' * 5}-+-{'-' * 6}-+-{'-' * 7}-+-{'-' * 12}-+-{'-' * 5}")
    print(
        f"{'pack (one PDF)':<26} | {pages:>5} | {ours:>6.1f} | {ours / pages * 1000:>7.0f} | {baseline:>12.1f} |"
        f" {ours / baseline:>5.2f}"
    )
    print(f"(one by one: the {baseline_pages} pages of the 45 schedules and 15 day sheets, without the run sheet)")
    solvers()


def solvers() -> None:
    candidates, companies = SCALE_LARGEST
    print(f"\nThe scale set's largest campaign ({candidates} candidates, {companies} companies), seed 1\n")
    print(f"{'engine':<12} | {'method':<8} | {'result':<40} | {'s':>6}")
    print(f"{'-' * 12}-+-{'-' * 8}-+-{'-' * 40}-+-{'-' * 6}")
    for record in matching_bench.run_instance(candidates, companies, seed=1):
        result = f"fit {record['fit']}, {record['uncovered']} of {record['eligible']} eligible uncovered"
        print(f"{'matching':<12} | {record['method']:<8} | {result:<40} | {record['seconds']:>6.2f}")
    for record in scheduling_bench.run_instance(candidates, companies, seed=1):
        result = f"{record['interviews']} scheduled, {record['dropped']} dropped, {record['violations']} violations"
        print(f"{'scheduling':<12} | {record['method']:<8} | {result:<40} | {record['seconds']:>6.2f}")
