"""What the matching engine takes and gives: plain frozen dataclasses, no behaviour.

:class:`Problem` (candidates, vacancies, settings, pins and forbids) goes into ``engine.solve`` or ``engine.greedy``;
a :class:`Solution` of scored :class:`Pair` s comes out. ``scoring`` says what the codes in :class:`Reason` and
:class:`Exclusion` mean. ``engine`` exposes every class here as part of its own public face.
"""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CandidateIn:
    id: int
    occupations: frozenset[str] = frozenset()  # ISCO-08 codes (4 digits) the candidate did or wants to do
    competences: frozenset[int] = frozenset()
    languages: tuple[tuple[str, str], ...] = ()  # (language code, CEFR level)
    has_driving_licence: bool = False
    shifts: frozenset[str] = frozenset()  # empty = unknown, treated as any
    desired_sectors: frozenset[str] = frozenset()
    rubric: float | None = None  # mean screening score 1-5, None = not scored
    selected: bool = False
    consent_to_share: bool = False
    legal_access: bool | None = None  # on the project-week date; None = unknown, excluded
    commute_minutes: tuple[tuple[int, int], ...] = ()  # (vacancy id, minutes); missing = unknown


@dataclass(frozen=True, slots=True)
class VacancyIn:
    id: int
    company_id: int
    capacity: int  # k: at most this many candidates proposed
    isco_code: str = ""
    sector: str = ""
    required_competences: frozenset[int] = frozenset()
    nice_competences: frozenset[int] = frozenset()
    language: str = ""  # "" = no language asked
    language_level: str = ""  # "" with a language = wished, not required
    driving_licence_required: bool = False
    shifts: frozenset[str] = frozenset()  # empty = any


@dataclass(frozen=True, slots=True)
class Weights:
    occupation: int = 25
    competences: int = 20
    language: int = 15
    rubric: int = 15
    commute: int = 10
    shifts: int = 5
    wishes: int = 10


@dataclass(frozen=True, slots=True)
class Settings:
    max_interviews: int = 2  # m per candidate
    max_commute_minutes: int = 60
    weights: Weights = Weights()
    coverage_first: bool = True  # False: after the pins, only the total fit counts (to show what coverage costs)
    fairness_levels: int | None = None  # with coverage_first: as many as possible get ≥ 1, … ≥ this many; None = m


@dataclass(frozen=True, slots=True)
class Reason:
    code: str  # a key of scoring.REASONS
    points: int  # 0 for a reason against
    positive: bool
    params: tuple[tuple[str, str | int], ...] = ()


@dataclass(frozen=True, slots=True)
class Pair:
    candidate_id: int
    vacancy_id: int
    fit: int
    reasons: tuple[Reason, ...]


@dataclass(frozen=True, slots=True)
class Exclusion:
    candidate_id: int
    vacancy_id: int
    constraints: tuple[str, ...]  # codes of scoring.CONSTRAINTS, in that order


@dataclass(frozen=True, slots=True)
class Problem:
    candidates: tuple[CandidateIn, ...]
    vacancies: tuple[VacancyIn, ...]
    settings: Settings = Settings()
    pinned: frozenset[tuple[int, int]] = frozenset()  # (candidate id, vacancy id) that must be proposed
    forbidden: frozenset[tuple[int, int]] = frozenset()  # that must not


@dataclass(frozen=True, slots=True)
class Solution:
    method: str  # "flow" or "greedy"
    proposals: tuple[Pair, ...]  # sorted by (candidate_id, vacancy_id)
    total_fit: int
    covered: frozenset[int]  # candidates with a proposal
    uncovered: tuple[int, ...]  # candidates with an allowed pair but no proposal, sorted
    problems: tuple[str, ...] = ()  # plain English, e.g. a pin that cannot be honoured


@dataclass(frozen=True, slots=True)
class Level:
    """The best matching with fairness up to ``levels`` (0: the highest fit after the pins, coverage aside)."""

    levels: int
    total_fit: int
    interviews: tuple[int, ...]  # eligible candidates with 0, 1, 2, … interviews (up to m)


@dataclass(frozen=True, slots=True)
class Comparison:
    """One click of "run matching", scored once: the chosen solution, the greedy baseline, and the solution at
    every number of fairness levels from 0 to m, so that the price of each level shows."""

    solution: Solution
    greedy: Solution
    levels: tuple[Level, ...]

    @property
    def best_fit(self) -> int:
        return max(level.total_fit for level in self.levels)
