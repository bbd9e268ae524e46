from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings

from .services import set_own_language

PICKED_BEFORE_LOG_IN = "language_picked_before_log_in"


class InvitationOnlyAccountAdapter(DefaultAccountAdapter):
    """Nobody signs up: a coordinator invites people to an organisation with a role."""

    def is_open_for_signup(self, request):
        return False

    def render_mail(self, template_prefix, email, context, headers=None):
        """allauth's mails are about an account's security (reset links, codes): the embedded mode never keeps
        them where others could read them (jobroad/mail.py)."""
        mail = super().render_mail(template_prefix, email, context, headers=headers)
        mail.holds_one_time_link = True
        return mail

    def post_login(self, request, user, **kwargs):
        """A person works in the language kept on their profile, on any device they log in from. A language they
        picked in this browser session just before logging in is their latest choice, and the profile keeps it; the
        language cookie alone is not, since on a shared computer it may be someone else's."""
        picked = request.session.pop(PICKED_BEFORE_LOG_IN, None)
        response = super().post_login(request, user, **kwargs)
        if picked in dict(settings.LANGUAGES):
            set_own_language(user=user, language=picked)
            return response
        return in_own_language(response, user)


def in_own_language(response, user):
    """``response`` setting the interface language to the one on ``user``'s profile (Django's language cookie)."""
    if user.language in dict(settings.LANGUAGES):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            user.language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
    return response
