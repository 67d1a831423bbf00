"""Demo procedures (illustrative data, codes as in the national database) for ``seed_demo``.

``fill_procedures(unit, is_top=True)`` imports the district's procedures (samples/thu-tuc-cap-huyen.csv, some
shown on every unit's site); ``is_top=False`` a commune's (samples/thu-tuc-mau.csv, the example file users
can start from). Idempotent: re-importing updates the same codes.
"""

from pathlib import Path

from procedures import services

SAMPLES = Path(__file__).resolve().parent / "samples"
DISTRICT_FILE = SAMPLES / "thu-tuc-cap-huyen.csv"
COMMUNE_FILE = SAMPLES / "thu-tuc-mau.csv"


def fill_procedures(unit, *, is_top):
    """Publish the demo procedures of ``unit``; returns the ``ImportResult``."""
    path = DISTRICT_FILE if is_top else COMMUNE_FILE
    rows = services.read_file(path.read_bytes(), name=path.name)
    result = services.import_procedures(unit=unit, rows=rows, publish=True)
    if result.errors:  # the shipped samples are checked by the tests: this is a broken edit of them
        raise services.ImportFileError([str(error) for error in result.errors])
    return result
