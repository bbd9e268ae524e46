"""Walking the project's URL patterns: every name with its route, every view, and whether a view reads a POST."""

import ast
import inspect
import textwrap
from collections.abc import Callable

from django.urls import URLPattern, URLResolver, get_resolver


def all_url_names(resolver: URLResolver | None = None, namespace: str = "") -> list[tuple[str, str]]:
    """(qualified name, route) for every pattern of the project, descending into includes."""
    resolver = resolver or get_resolver()
    found = []
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            child_namespace = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            found += all_url_names(entry, child_namespace)
        elif isinstance(entry, URLPattern):
            # An unnamed pattern keeps its namespace, so the admin's unnamed redirects count as admin.
            found.append((f"{namespace}{entry.name or ''}", str(entry.pattern)))
    return found


def url_views(resolver: URLResolver | None = None, namespace: str = "") -> dict[str, Callable]:
    """The view of every named pattern of the project, by qualified name."""
    resolver = resolver or get_resolver()
    found = {}
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            found |= url_views(entry, f"{namespace}{entry.namespace}:" if entry.namespace else namespace)
        elif isinstance(entry, URLPattern) and entry.name:
            found[f"{namespace}{entry.name}"] = entry.callback
    return found


PROJECT_PACKAGES = {"jobroad", "campaigns", "candidates", "companies", "workshops", "aftercare"}


def takes_post(view: Callable) -> bool:
    """Whether a view reads a POST: behind ``require_POST``, or with ``request.POST`` or a ``request.method == "POST"``
    branch in its own code, in a function of its module it calls, or in a function its decorators wrap."""
    todo, seen = [view], set()
    while todo:
        function = todo.pop()
        if function in seen:
            continue
        seen.add(function)
        closure = [cell.cell_contents for cell in getattr(function, "__closure__", None) or ()]
        if any(isinstance(value, list | tuple | set) and "POST" in value for value in closure):
            return True  # require_POST: require_http_methods(["POST"])
        todo += [value for value in [*closure, getattr(function, "__wrapped__", None)] if inspect.isfunction(value)]
        module = inspect.getmodule(function)
        if module is None or module.__name__.split(".")[0] not in PROJECT_PACKAGES:
            continue  # Django's and allauth's decorators: their own code is not the view's
        source = textwrap.dedent(inspect.getsource(function))
        if "POST" in source:
            return True
        called = {node.func.id for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Call)
                  and isinstance(node.func, ast.Name)}  # fmt: skip
        todo += [getattr(module, name) for name in called if inspect.isfunction(getattr(module, name, None))
                 and getattr(module, name).__module__ == module.__name__]  # fmt: skip
    return False
