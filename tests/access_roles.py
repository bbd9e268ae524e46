"""The roles of the access matrix (tests/access_matrix.py) and one case of it: a URL pattern with the objects it is
opened with, and the roles that get the page. A module of its own so that the matrix's parts (tests/access_matrix_*.py)
can build their cases without importing the matrix that gathers them."""

from collections.abc import Callable
from dataclasses import dataclass, field

ROLES = [
    "admin", "alice", "bob", "hr_a", "hr_b", "intermediary_a", "intermediary_b",
    "coach_a", "coach_b", "funder_viewer", "screener_a", "screener_b",
]  # fmt: skip
EVERYONE = frozenset(ROLES)
COORDINATORS = frozenset({"admin", "alice", "bob"})


@dataclass(frozen=True)
class Case:
    name: str
    allowed: frozenset[str]
    kwargs: Callable = lambda world: {}
    method: str = "get"
    allowed_status: int = 200
    label: str = field(default="", compare=False)

    def __str__(self):
        return f"{self.name}{'[' + self.label + ']' if self.label else ''}"
