from django import template

from campaigns.matching.text import constraint_text, explain

register = template.Library()

register.filter("explain", explain)
register.filter("constraint_text", constraint_text)
