"""Tables for spreadsheets: a text cell that starts like a formula is written as text, never evaluated.

Article text is untrusted; a quote beginning with "=" or "@" must not run in Excel or LibreOffice (OWASP
CSV injection: such cells get a leading apostrophe).
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralize_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of frame where every text cell starting with a formula character begins with an apostrophe."""
    def neutral(value):
        return f"'{value}" if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value

    return frame.apply(lambda column: column.map(neutral) if is_text(column) else column)


def is_text(column: pd.Series) -> bool:
    return column.dtype == object or pd.api.types.is_string_dtype(column)


def write_csv(frame: pd.DataFrame, target: str | Path) -> None:
    """Write frame as UTF-8 csv (no index, LF line ends) with formulas neutralized."""
    neutralize_formulas(frame).to_csv(target, index=False, lineterminator="\n")
