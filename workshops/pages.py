"""What workshops put on the campaign page (``jobroad.pages``)."""

from .permissions import visible_sessions


def on_campaign_page(*, user, campaign) -> dict:
    """The campaign's page links to its workshops for whoever sees one of its sessions."""
    return {"show_workshops": visible_sessions(user).filter(workshop__campaign=campaign).exists()}
