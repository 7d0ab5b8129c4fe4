#!/usr/bin/env python3
"""Nightly ingest: load yesterday's orders into the lake."""
import csv
import sys

from ingest_helpers import normalise_row


def main(path):
    with open(path) as handle:
        rows = [normalise_row(row) for row in csv.DictReader(handle)]
    print(f"ingested {len(rows)} rows")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "orders.csv")
