"""Fictional demo data (``seed_demo``) and a national-scale data set (``seed_scale``). It builds with every app,
so it sits above them all in the layer contract; nothing imports it."""
