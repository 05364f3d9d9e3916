"""The command line: `newslens extract`, `newslens report` and `newslens corpus`.

Thin on purpose (as papermill's CLI): it parses arguments, calls the API and writes what it returns.
Every failure a user can cause ends as one line `newslens: error: ...` on stderr and exit status 1;
argparse reports usage errors with status 2. Nothing here prints a traceback unless asked to
(`--traceback`).
"""
from __future__ import annotations

import argparse
import os
import signal
import sys
import threading

from newslens.version import __version__
from newslens.model import Analysis
from newslens.exceptions import NewslensError, Terminated
from newslens.io.outputs import STDOUT, write_text
from newslens.io.spreadsheet import write_csv

PROG = "newslens"

# csv tables: the name on the command line -> the Analysis method that builds it
TABLES = {
    "actors": Analysis.actors_df,
    "quotes": Analysis.quotes_df,
    "relations": Analysis.relations_df,
    "mentions": Analysis.mentions_df,
}


def cmd_extract(args: argparse.Namespace) -> int:
    from newslens.extract.analysis import analyze_path  # spaCy loads only for commands that analyse here

    analysis = analyze_path(args.article, model=args.model)
    if args.format == "json":
        write_text(analysis.to_json(), args.output)
    else:
        write_csv(TABLES[args.table](analysis), args.output or STDOUT)
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from newslens.report import iter_reports  # papermill and nbconvert load slowly: only when reporting

    failed = 0
    # One kernel for all articles; the bar goes to stderr and only when it is a terminal, so stdout stays
    # one HTML path per line for scripts.
    with tqdm(total=len(args.articles), unit="article", desc="reports", disable=not sys.stderr.isatty(),
              leave=False) as bar:
        for _, result in iter_reports(args.articles, out_dir=args.out, model=args.model):
            if isinstance(result, Exception):  # report the others anyway; one line per failed article
                bar.clear()
                print_error(result)
                failed += 1
            else:
                bar.write(str(result), file=sys.stdout)
            bar.update()
    return 1 if failed else 0


def cmd_corpus(args: argparse.Namespace) -> int:
    from newslens.corpus import run_corpus  # dask, pyarrow and tqdm load only for corpus runs

    summary = run_corpus(args.inputs, args.out, workers=args.workers, scheduler=args.scheduler, model=args.model,
                         reports=args.reports, progress=not args.quiet and sys.stderr.isatty(),
                         follow_links=args.follow_links)
    if not args.quiet:
        print(f"{PROG} corpus: {summary.line()}; {summary.out_dir}", flush=True)
    return 1 if summary.failed and args.strict else 0


def positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Who said what to whom: actors, quotes and relations in news articles.",
        epilog="Run `newslens COMMAND --help` for the options of one command.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument("--traceback", action="store_true",
                        help="show the full traceback of an unexpected error (for bug reports)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    extract = commands.add_parser(
        "extract", help="print the actors, quotes and relations of one article (JSON or csv)",
        description="Analyse one UTF-8 text article. JSON follows src/newslens/schema/extraction.schema.json.")
    extract.add_argument("article", metavar="ARTICLE", help="a UTF-8 .txt file")
    extract.add_argument("--model", metavar="NAME",
                         help="an installed spaCy pipeline, e.g. en_core_web_sm (default: the built-in one)")
    extract.add_argument("--format", choices=("json", "csv"),
                         help="output format (default: json, or csv when --table is given)")
    extract.add_argument("--table", choices=tuple(TABLES),
                         help="which table to write as csv (default: actors)")
    extract.add_argument("--output", "-o", metavar="FILE", help="write here instead of stdout")
    extract.set_defaults(func=cmd_extract, usage_error=extract.error)

    report = commands.add_parser(
        "report", help="execute the report notebook for each article and write HTML",
        description="Run notebooks/article_report.ipynb with papermill for each article and convert it to HTML.")
    report.add_argument("articles", metavar="ARTICLE", nargs="+", help="UTF-8 .txt files")
    report.add_argument("--out", metavar="DIR", default="reports", help="output folder (default: reports)")
    report.add_argument("--model", metavar="NAME",
                        help="an installed spaCy pipeline, e.g. en_core_web_sm (default: the built-in one)")
    report.set_defaults(func=cmd_report)

    corpus = commands.add_parser(
        "corpus", help="analyse a collection of articles: per-article JSON, corpus tables, a corpus report",
        description="Analyse every article of the inputs in parallel and write DIR/articles/ID.json, "
                    "DIR/tables (Parquet and CSV, actors linked across articles), DIR/errors.csv and "
                    "DIR/corpus.html. A rerun skips articles whose result is up to date.")
    corpus.add_argument("inputs", metavar="INPUT", nargs="+",
                        help="folders of .txt articles (searched recursively), .txt files, or JSONL files "
                             "(one article per line: id or url, text, and optionally title, date, source)")
    corpus.add_argument("--out", metavar="DIR", required=True, help="output folder")
    corpus.add_argument("--workers", metavar="N", type=positive_int,
                        help="local worker processes, one pipeline each (default: the number of cores)")
    corpus.add_argument("--scheduler", metavar="ADDRESS",
                        help="run on this Dask distributed scheduler (e.g. tcp://host:8786) instead of locally")
    corpus.add_argument("--model", metavar="NAME",
                        help="an installed spaCy pipeline, e.g. en_core_web_sm (default: the built-in one)")
    corpus.add_argument("--reports", action="store_true",
                        help="also write each article's own report under DIR/reports, linked from corpus.html")
    corpus.add_argument("--follow-links", action="store_true",
                        help="read symbolic links in input folders that point outside them (default: skip and "
                             "list them in DIR/errors.csv)")
    corpus.add_argument("--strict", action="store_true", help="exit 1 if any article failed")
    corpus.add_argument("--quiet", action="store_true", help="no progress bar and no summary line")
    corpus.set_defaults(func=cmd_corpus)
    return parser


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "extract":
        if args.table is not None and args.format == "json":
            args.usage_error("--table applies to --format csv only")
        args.format = args.format or ("csv" if args.table else "json")
        args.table = args.table or "actors"
    return args


def one_line(exc: BaseException | str) -> str:
    """The message of an exception on one line (a user sees exactly one line per error)."""
    return " ".join(str(exc).split()) or type(exc).__name__


def print_error(exc: BaseException | str) -> None:
    print(f"{PROG}: error: {one_line(exc)}", file=sys.stderr, flush=True)


class Interrupts:
    """Ctrl-C raises KeyboardInterrupt as always, and is remembered: an interrupt that reaches us disguised
    (a library that turned it into its own error, a notebook cell that failed with it) is still an interrupt."""

    def __init__(self) -> None:
        self.seen = False
        self.previous = None

    def __enter__(self) -> Interrupts:
        if threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGINT, self.interrupt)
        return self

    def interrupt(self, signum, frame) -> None:
        self.seen = True
        raise KeyboardInterrupt

    def __exit__(self, *exc_info) -> None:
        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)


def interrupted(exc: BaseException | None) -> bool:
    """True when the exception is, or was raised while handling, an interrupt."""
    while exc is not None:
        if isinstance(exc, KeyboardInterrupt):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 error, 2 usage error, 130 interrupted,
    143 terminated)."""
    try:
        args = parse_args(argv)
    except SystemExit as exc:  # --help, --version and usage errors: argparse has printed them
        return 0 if exc.code is None else exc.code if isinstance(exc.code, int) else 2
    with Interrupts() as interrupts:
        try:
            return run(args, interrupts)
        except KeyboardInterrupt as exc:  # a second Ctrl-C while the first one unwinds
            return stopped(exc)


def stopped(exc: BaseException) -> int:
    if isinstance(exc, Terminated):
        print(f"{PROG}: terminated", file=sys.stderr, flush=True)
        return 143
    print(f"{PROG}: interrupted", file=sys.stderr, flush=True)
    return 130


def run(args: argparse.Namespace, interrupts: Interrupts) -> int:
    try:
        return args.func(args)
    except BrokenPipeError:  # `newslens extract ... | head`: the reader left, not an error worth a message
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())  # so the interpreter's final flush does not fail again
        except (OSError, ValueError):
            pass
        return 1
    except KeyboardInterrupt as exc:
        return stopped(exc)
    except (NewslensError, OSError) as exc:
        if interrupts.seen or interrupted(exc):
            return stopped(KeyboardInterrupt())
        print_error(exc)
        return 1
    except Exception as exc:  # a bug: still one line, with the way to see the traceback
        if interrupts.seen or interrupted(exc):
            return stopped(KeyboardInterrupt())
        if args.traceback:
            raise
        print_error(f"unexpected {type(exc).__name__}: {one_line(exc)} (rerun with --traceback for details)")
        return 1
