"""Cost of reading attached files in a limited child process (documents/extraction.py) against reading them
in the worker's own process, as before #16.

Usage:
    DJANGO_SETTINGS_MODULE=portal.settings.test python benchmarks/bench_extraction.py [--repeat N]

No database. Files: a one-page PDF and a one-paragraph DOCX (the demo's kind), a 40-page PDF with text on
every page, and the two bombs of tests/documents/test_text_extraction.py (limited run only: in process they
are what the limits are for).
"""

import argparse
import io
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django  # noqa: E402

django.setup()

from documents.extraction import Limits, extract_text, read_docx, read_pdf  # noqa: E402
from home.demo_files import simple_pdf  # noqa: E402


def docx_with(text):
    from docx import Document

    document = Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pdf_pages(count):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for index in range(count):
        text = f"Trang {index + 1}: ke hoach phong chong thien tai nam 2026 cua uy ban nhan dan xa"
        writer.add_page(PdfReader(io.BytesIO(simple_pdf([text] * 20))).pages[0])
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def timed(function, repeat):
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    from tests.documents.test_text_extraction import docx_bomb, long_pdf  # the bombs the tests use

    limits = Limits.from_settings()
    files = [
        ("one-page PDF", "pdf", simple_pdf(["Ke hoach phong chong thien tai nam 2026"])),
        ("one-paragraph DOCX", "docx", docx_with("Quy chế chi tiêu nội bộ của Ủy ban nhân dân xã")),
        ("40-page PDF", "pdf", pdf_pages(40)),
    ]
    readers = {"pdf": read_pdf, "docx": read_docx}
    print(f"{'file':<28}{'in process ms':>15}{'limited child ms':>18}{'overhead ms':>13}")
    for name, extension, data in files:
        readers[extension](data, limits)  # imports done once, as in a long-running worker
        inside = timed(lambda: readers[extension](data, limits), args.repeat)  # noqa: B023
        child = timed(lambda: extract_text(data, extension), args.repeat)  # noqa: B023
        print(f"{name:<28}{inside:>15.1f}{child:>18.1f}{child - inside:>13.1f}")
    for name, extension, data in [
        ("DOCX bomb (200 MB of XML)", "docx", docx_bomb(200)),
        ("PDF of 20,000 pages", "pdf", long_pdf(20_000)),
    ]:
        started = time.perf_counter()
        status = extract_text(data, extension)[1]
        print(f"{name:<28}{'-':>15}{(time.perf_counter() - started) * 1000:>18.1f}  {status}")


if __name__ == "__main__":
    main()
