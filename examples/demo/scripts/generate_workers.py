"""Generate worker profiles at scale: python3 generate_workers.py 100000 > workers.csv"""
import sys

from faker import Faker


if __name__ == "__main__":
    fake = Faker()
    for _ in range(int(sys.argv[1])):
        print(fake.name())
