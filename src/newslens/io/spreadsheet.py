"""csv for spreadsheets: article text in a cell must never be read as a formula.

A spreadsheet evaluates a cell that starts with `=`, `+`, `-` or `@` (and, in some, a tab or carriage
return before one), so a quote such as `=HYPERLINK("http://evil.example", "click")` would run when
the table is opened. As OWASP recommends, such text cells get a leading apostrophe, which spreadsheets
show as text. Numbers stay numbers; the JSON output is never neutralised, it keeps the exact text.
"""
from __future__ import annotations

from pathlib import Path
from typing import TextIO

import pandas as pd

from newslens.io.outputs import write_text

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralize_cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def neutralize_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of the frame in which every text cell that a spreadsheet would evaluate starts with `'`."""
    text_columns = [column for column in frame.columns
                    if pd.api.types.is_object_dtype(frame[column]) or pd.api.types.is_string_dtype(frame[column])]
    neutral = frame.copy()
    for column in text_columns:
        neutral[column] = frame[column].map(neutralize_cell)
    return neutral


def csv_text(frame: pd.DataFrame) -> str:
    """The frame as csv (no index, `\\n` line ends), formulas neutralised."""
    return neutralize_formulas(frame).to_csv(index=False, lineterminator="\n")


def write_csv(frame: pd.DataFrame, target: str | Path | TextIO) -> None:
    """Write the frame as csv with formulas neutralised: to a text stream as is, or to a path as
    newslens writes every file (atomically for a regular file; "-" is stdout)."""
    if isinstance(target, (str, Path)):
        write_text(csv_text(frame), target)
    else:
        target.write(csv_text(frame))
