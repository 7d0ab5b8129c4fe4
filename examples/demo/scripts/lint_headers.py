"""Check that every source file starts with a docstring or header comment."""
import pathlib
import sys

missing = [p for p in pathlib.Path(".").rglob("*.py") if not p.read_text().lstrip().startswith(("\"\"\"", "#"))]
sys.exit(1 if missing else 0)
