"""Extraction: a processed Doc -> actors, quotes and relations, assembled into an Analysis by analysis.analyze."""
