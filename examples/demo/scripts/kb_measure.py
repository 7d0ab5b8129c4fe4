"""Knowledge-base aggregator: weekly totals from the outcome log."""
import json
from pathlib import Path


def weekly_totals(log=Path("data/outcomes.jsonl")):
    return sum(1 for line in log.read_text().splitlines() if json.loads(line).get("ok"))


if __name__ == "__main__":
    print(weekly_totals())
