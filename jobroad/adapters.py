from allauth.account.adapter import DefaultAccountAdapter


class InvitationOnlyAccountAdapter(DefaultAccountAdapter):
    """Nobody signs up: a coordinator invites people to an organisation with a role."""

    def is_open_for_signup(self, request):
        return False
