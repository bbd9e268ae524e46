"""The load test's users (run by scripts/loadtest.py, never by hand against a live platform): coordinators, company
HR and intermediaries going through their usual pages on the national-scale data set, each now and then opening the
logged-in floor (/floor/: their session, user, roles and the base layout, nothing else), and an admin on the Django
admin's changelist as a peer. ``LOADTEST_TARGETS`` names a JSON file with the ids each role may open."""

import itertools
import json
import os
import random

from locust import HttpUser, between, task

TARGETS = json.loads(open(os.environ["LOADTEST_TARGETS"]).read())  # noqa: SIM115
TAKEN = itertools.count()  # each user its own session (scripts/loadtest.py opened one per user and role)
# Seconds a person spends on a page before the next click (reading a candidate's file, say). The stress stage keeps
# this pace and adds users, so its figures count people at work.
THINK = between(*(float(seconds) for seconds in os.environ.get("LOADTEST_THINK_SECONDS", "3,7").split(",")))


class Person(HttpUser):
    abstract = True
    wait_time = THINK
    role = ""

    def on_start(self):
        self.me = TARGETS[self.role][next(TAKEN) % len(TARGETS[self.role])]
        self.client.cookies.set("sessionid", self.me["session"])

    @task(1)
    def floor(self):
        """What every page costs before its own work, in this person's session and under the same load."""
        self.page("/floor/", "floor (/floor/)")

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
