"""Score newslens on the shared development gold (seed, Wikinews, re3d) in one process.

    python benchmarks/score_gold.py [--model NAME] [--keep DIR]

Extracts every gold article with `newslens.analyze_path`, writes the JSON to a temporary folder (or
DIR) and prints the TOTAL line of ../shared/eval/score.py for each set. A development tool: it needs
../shared next to the checkout, which CI does not have.
"""
import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

import newslens

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SETS = {
    "seed": [(Path("seeds/000_a7f3773a7dc7432f.txt"), SHARED / "gold/000_a7f3773a7dc7432f.gold.json")],
    "wikinews": [(g.with_name(g.name.replace(".gold.json", ".txt")), g) for g in sorted((SHARED / "gold/gum").glob("*.gold.json"))],
    "re3d": [(g.with_name(g.name.replace(".gold.json", ".txt")), g) for g in sorted((SHARED / "gold/re3d").glob("*.gold.json"))],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model")
    parser.add_argument("--keep", type=Path, help="folder to keep the predictions in")
    parser.add_argument("--docs", action="store_true", help="print every document's line too")
    args = parser.parse_args()
    out = args.keep or Path(tempfile.mkdtemp())
    out.mkdir(parents=True, exist_ok=True)
    for name, pairs in SETS.items():
        files = []
        for text, gold in pairs:
            pred = out / f"{text.stem}.json"
            pred.write_text(newslens.analyze_path(text, args.model).to_json(), encoding="utf-8")
            files += [str(gold), str(pred)]
        lines = subprocess.run([sys.executable, str(SHARED / "eval/score.py"), *files],
                               capture_output=True, text=True, check=True).stdout.splitlines()
        for line in lines if args.docs else lines[-1:]:
            print(line.replace("TOTAL", name) if line.startswith("TOTAL") else "  " + line)


if __name__ == "__main__":
    main()
