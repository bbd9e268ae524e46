"""A local fake of the part of Twilio's REST API the SMS backend uses: ``POST /2010-04-01/Accounts/<sid>/Messages.json``
on 127.0.0.1, answering the way Twilio does — 201 with the message resource and its ``SM…`` sid, 400 with Twilio's
error document for a number it will not send to, 401 for wrong credentials, 503 when it is having trouble. It keeps
every request it was sent, so a test can check what the official client put on the wire."""

import base64
import json
import re
import threading
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

from tests.ports import free_port

MESSAGES_PATH = re.compile(r"^/2010-04-01/Accounts/(?P<sid>AC[0-9a-f]{32})/Messages\.json$")

ERRORS = {
    400: (21211, "The 'To' number is not a valid phone number."),
    401: (20003, "Authenticate"),
    503: (20503, "Service Unavailable"),
}


@dataclass
class Request:
    path: str
    form: dict[str, str]
    user: str
    password: str


@dataclass
class FakeTwilio:
    account_sid: str
    auth_token: str
    requests: list[Request] = field(default_factory=list)
    answers: list[int] = field(default_factory=list)  # statuses for the next requests, 201 once they run out
    sids: list[str] = field(default_factory=list)

    def __post_init__(self):
        self.server = ThreadingHTTPServer(("127.0.0.1", free_port()), self.handler())
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self.server.server_address
        return f"http://{host}:{port}"

    def start(self) -> "FakeTwilio":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)

    def answer(self, request: Request) -> tuple[int, dict]:
        match = MESSAGES_PATH.match(request.path)
        if not match or match["sid"] != self.account_sid:
            return 404, {"code": 20404, "message": "The requested resource was not found", "status": 404}
        if (request.user, request.password) != (self.account_sid, self.auth_token):
            return 401, error(401)
        status = self.answers.pop(0) if self.answers else 201
        if status != 201:
            return status, error(status)
        sid = "SM" + uuid.uuid4().hex
        self.sids.append(sid)
        return 201, {
            "sid": sid,
            "account_sid": self.account_sid,
            "to": request.form["To"],
            "from": request.form["From"],
            "body": request.form["Body"],
            "status": "queued",
            "num_segments": "1",
            "direction": "outbound-api",
            "api_version": "2010-04-01",
            "date_created": "Sun, 06 Dec 2026 14:00:00 +0000",
            "date_updated": "Sun, 06 Dec 2026 14:00:00 +0000",
            "date_sent": None,
            "error_code": None,
            "error_message": None,
            "price": None,
            "uri": f"/2010-04-01/Accounts/{self.account_sid}/Messages/{sid}.json",
        }

    def handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
                user, _, password = basic_auth(self.headers.get("Authorization", ""))
                form = {name: values[0] for name, values in parse_qs(body).items()}
                request = Request(path=self.path, form=form, user=user, password=password)
                fake.requests.append(request)
                status, document = fake.answer(request)
                payload = json.dumps(document).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args):
                pass

        return Handler


def basic_auth(header: str) -> tuple[str, str, str]:
    if not header.startswith("Basic "):
        return "", "", ""
    return base64.b64decode(header.removeprefix("Basic ")).decode().partition(":")


def error(status: int) -> dict:
    code, message = ERRORS[status]
    return {
        "code": code,
        "message": message,
        "more_info": f"https://www.twilio.com/docs/errors/{code}",
        "status": status,
    }
