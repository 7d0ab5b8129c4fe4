"""Staffer report: who worked which shifts this week."""
import argparse


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--week", type=int, required=True)
    args = parser.parse_args()
    print(f"week {args.week}")


if __name__ == "__main__":
    main()
