"""Funding programmes: the funder's contracts whose actions the campaigns are."""
