"""What the apps above put on a lower app's page. The campaign page links to its workshops, the company page lists
its campaigns, yet campaigns may not import workshops, nor companies campaigns (DESIGN §5): so the app above
registers, at start-up, a function that adds to the page's context."""

from collections import defaultdict
from collections.abc import Callable

PAGE_ADDITIONS: dict[str, list[Callable[..., dict]]] = defaultdict(list)


def add_to_page(page: str, addition: Callable[..., dict]) -> None:
    PAGE_ADDITIONS[page].append(addition)


def page_additions(page: str, **objects) -> dict:
    """The context every registered addition gives ``page`` for these objects (``user=``, ``campaign=``, …)."""
    context = {}
    for addition in PAGE_ADDITIONS[page]:
        context |= addition(**objects)
    return context
