"""Codes as words on the pages: a language code ("prs") as its name in the reader's language ("Dari")."""

from django import template

from jobroad.languages import language_name as _language_name

register = template.Library()


@register.filter
def language_name(code) -> str:
    return _language_name(str(code)) if code else ""
