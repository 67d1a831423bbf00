"""Text of attached PDF and DOCX files, for search.

Files come from editors and may be hostile: a small DOCX that expands to gigabytes, a PDF of tens of
thousands of pages. So each file is read in a child Python process (this module run as a script) that
limits itself (address space and CPU time, no files written) and is killed when it outlives its wall-clock
time; a DOCX is checked before parsing (entries, declared and actual expanded size, compression ratio) and
only the first pages of a PDF are read. A file over a limit gets the status "too_large"; the worker that
asked goes on with the next file.
"""

import io
import json
import logging
import os
import signal
import subprocess
import sys
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path

logger = logging.getLogger(__name__)

MAX_CHARS = 200_000  # per file: enough for search, bounded for the index
CHUNK = 1 << 20
# The child parses untrusted files: it gets none of the worker's environment (database URL, secrets).
CHILD_ENV = {"LANG": "C.UTF-8"}
CHILD_STATUSES = {"ok", "scanned", "too_large", "error"}


@dataclass(frozen=True)
class Limits:
    max_pages: int = 2000
    max_expanded_bytes: int = 100 << 20
    memory_bytes: int = 512 << 20
    seconds: int = 30
    max_zip_entries: int = 2000  # a Word document has a few dozen parts
    max_ratio: int = 100  # Word's XML compresses 5 to 20 times; a bomb of zeros about 1,000

    @classmethod
    def from_settings(cls):
        from django.conf import settings  # here: the child process (this file as a script) has no Django

        return cls(
            max_pages=settings.PORTAL_EXTRACT_MAX_PAGES,
            max_expanded_bytes=settings.PORTAL_EXTRACT_MAX_EXPANDED_MB << 20,
            memory_bytes=settings.PORTAL_EXTRACT_MEMORY_MB << 20,
            seconds=settings.PORTAL_EXTRACT_SECONDS,
        )


class LimitExceeded(Exception):
    """The file needs more than the limits allow (size, pages, memory or time)."""


def extract_text(data, extension, *, limits=None):
    """(text, status) of a file's bytes; status is one of documents.legal.TextStatus's values.

    Runs the parser in a limited child process; "too_large" when the file exceeds a limit (the text of
    a PDF's first pages is kept), "error" when it cannot be read.
    """
    extension = (extension or "").lower()
    if extension not in ("pdf", "docx"):
        return "", "unsupported"
    limits = limits or Limits.from_settings()
    command = [
        sys.executable,
        "-I",
        "-B",
        str(Path(__file__).resolve()),
        extension,
        json.dumps(asdict(limits)),
    ]
    wall_seconds = max(2 * limits.seconds, limits.seconds + 5)  # CPU time is capped in the child itself
    try:
        completed = subprocess.run(  # noqa: S603  (our own interpreter and script, no shell)
            command, input=data, capture_output=True, timeout=wall_seconds, check=False, env=CHILD_ENV
        )
    except subprocess.TimeoutExpired:
        logger.warning("reading a %s file took more than %s s: stopped", extension, wall_seconds)
        return "", "too_large"
    if completed.returncode == 0:
        try:
            result = json.loads(completed.stdout)
            text, status = str(result["text"])[:MAX_CHARS], result["status"]
            if status in CHILD_STATUSES:
                return text, status
            raise ValueError(status)
        except (ValueError, KeyError, TypeError):
            logger.warning("unreadable answer of the %s reader", extension)
            return "", "error"
    if -completed.returncode in (signal.SIGXCPU, signal.SIGKILL):
        logger.warning("reading a %s file exceeded its CPU or memory limit", extension)
        return "", "too_large"
    logger.warning(
        "the %s reader failed (%s): %s",
        extension,
        completed.returncode,
        completed.stderr[-2000:].decode(errors="replace"),
    )
    return "", "error"


# --- in the child process ----------------------------------------------------------------------------------


def _limit_self(limits):
    import resource  # here: only the child process sets limits (and only POSIX has the module)

    resource.setrlimit(resource.RLIMIT_AS, (limits.memory_bytes, limits.memory_bytes))
    resource.setrlimit(resource.RLIMIT_CPU, (limits.seconds, limits.seconds + 1))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))


def check_docx(data, limits):
    """Refuse a DOCX whose parts would expand beyond the limits, before any XML is parsed.

    The sizes a zip declares can lie, so the parts are also decompressed and counted (bounded by the limit).
    """
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        entries = archive.infolist()
        if len(entries) > limits.max_zip_entries:
            raise LimitExceeded(f"{len(entries)} entries")
        declared = sum(entry.file_size for entry in entries)
        if declared > limits.max_expanded_bytes:
            raise LimitExceeded(f"{declared} bytes declared")
        for entry in entries:
            if entry.file_size > limits.max_ratio * max(entry.compress_size, 1024):
                raise LimitExceeded(f"{entry.filename}: {entry.file_size} bytes from {entry.compress_size}")
        total = 0
        for entry in entries:
            with archive.open(entry) as part:
                while chunk := part.read(CHUNK):
                    total += len(chunk)
                    if total > limits.max_expanded_bytes:
                        raise LimitExceeded(f"more than {total} bytes expanded")


def read_docx(data, limits):
    from docx import Document  # here: heavy, loaded only in the child process that reads .docx

    check_docx(data, limits)
    document = Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    text = " ".join(" ".join(parts).split())
    return text[:MAX_CHARS], "ok"


def read_pdf(data, limits):
    from pypdf import PdfReader  # here: heavy, loaded only in the child process that reads .pdf

    reader = PdfReader(io.BytesIO(data))
    count = len(reader.pages)
    texts, size = [], 0
    for index in range(min(count, limits.max_pages)):
        page_text = reader.pages[index].extract_text() or ""
        texts.append(page_text)
        size += len(page_text)
        if size > 2 * MAX_CHARS:  # enough text for the index: the rest would be cut anyway
            break
    text = " ".join("\n".join(texts).split())[:MAX_CHARS]
    if count > limits.max_pages:
        return text, "too_large"  # the first pages' text is still searchable
    return (text, "ok") if text else ("", "scanned")


def _child(extension, limits):
    data = sys.stdin.buffer.read()
    _limit_self(limits)
    try:
        text, status = (read_pdf if extension == "pdf" else read_docx)(data, limits)
    except (LimitExceeded, MemoryError, RecursionError) as exc:
        print(f"limit: {type(exc).__name__} {exc}"[:500], file=sys.stderr)
        text, status = "", "too_large"
    except Exception as exc:  # a damaged file is reported as such, not as a crash
        print(f"unreadable: {type(exc).__name__} {exc}"[:500], file=sys.stderr)
        text, status = "", "error"
    sys.stdout.write(json.dumps({"text": text, "status": status}))
    sys.stdout.flush()
    os._exit(0)  # no clean-up that could need memory the limit no longer allows


if __name__ == "__main__":
    _child(sys.argv[1], Limits(**json.loads(sys.argv[2])))
