"""The load test's users (run by scripts/loadtest.py, never by hand against a live platform): coordinators, company
HR and intermediaries going through their usual pages on the national-scale data set, and the floor — a minimal
Django view on the same server. ``LOADTEST_TARGETS`` names a JSON file with the ids each role may open."""

import json
import os
import random
import re

from locust import HttpUser, between, task

TARGETS = json.loads(open(os.environ["LOADTEST_TARGETS"]).read())  # noqa: SIM115
PASSWORD = TARGETS["password"]
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Person(HttpUser):
    abstract = True
    wait_time = between(0.5, 1.5)
    role = ""

    def on_start(self):
        self.me = random.choice(TARGETS[self.role])
        page = self.client.get("/accounts/login/", name="log in (form)")
        token = CSRF.search(page.text)[1]
        self.client.post(
            "/accounts/login/",
            {"login": self.me["email"], "password": PASSWORD, "csrfmiddlewaretoken": token},
            headers={"Referer": f"{self.host}/accounts/login/"},
            name="log in (password checked)",
        )

    def page(self, url: str, name: str):
        with self.client.get(url, name=name, catch_response=True, allow_redirects=False) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code} for {url}")


class Coordinator(Person):
    weight = 3
    role = "coordinator"

    @task(3)
    def home(self):
        self.page("/", "home (coordinator)")

    @task(2)
    def campaign(self):
        self.page(f"/campaigns/{random.choice(self.me['campaigns'])}/", "campaign detail")

    @task(2)
    def candidates(self):
        self.page("/candidates/", "candidate list")

    @task(3)
    def candidate(self):
        self.page(f"/candidates/{random.choice(self.me['candidates'])}/", "candidate detail")

    @task(1)
    def aftercare(self):
        self.page("/aftercare/", "placement list")

    @task(1)
    def report(self):
        self.page(f"/campaigns/reports/?campaign={random.choice(self.me['campaigns'])}", "report")


class CompanyHr(Person):
    weight = 2
    role = "company_hr"

    @task(2)
    def home(self):
        self.page("/", "home (HR)")

    @task(2)
    def proposals(self):
        self.page("/campaigns/proposals/", "proposals (HR)")

    @task(1)
    def interviews(self):
        self.page("/campaigns/interviews/", "interviews (HR)")

    @task(1)
    def company(self):
        self.page(f"/companies/{self.me['company']}/", "company detail")


class Intermediary(Person):
    weight = 2
    role = "intermediary"

    @task(2)
    def home(self):
        self.page("/", "home (intermediary)")

    @task(2)
    def candidates(self):
        self.page("/candidates/", "candidate list (intermediary)")

    @task(2)
    def candidate(self):
        self.page(f"/candidates/{random.choice(self.me['candidates'])}/", "candidate detail (intermediary)")


class Admin(Person):
    """The Django admin's changelist on the same candidates: a peer to compare the candidate list with."""

    weight = 1
    role = "admin"

    @task
    def changelist(self):
        self.page("/admin/candidates/candidate/", "admin candidate changelist")


class Floor(HttpUser):
    """Only used alone, in the floor run: the cheapest page the same server can serve."""

    wait_time = between(0.5, 1.5)

    @task
    def healthz(self):
        self.client.get("/healthz", name="floor (/healthz)")
