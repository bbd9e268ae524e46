"""Figures across the platform: the home dashboards, the campaigns' counters and the funder reports. The one
package allowed to read the apps above campaigns (workshops, aftercare): see the contract in pyproject.toml."""
