from allauth.account.adapter import DefaultAccountAdapter


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
