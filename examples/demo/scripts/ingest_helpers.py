"""Row normalisation shared by the ingest jobs."""


def normalise_row(row):
    return {key.strip().lower(): value.strip() for key, value in row.items()}
