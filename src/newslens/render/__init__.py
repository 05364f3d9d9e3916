"""Rendering records: figures, the article view and tables in HTML (html), the written report (prose)."""
