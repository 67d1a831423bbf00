"""Text of attached PDF and DOCX files, for search."""

import io
import logging

logger = logging.getLogger(__name__)

MAX_CHARS = 200_000  # per file: enough for search, bounded for the index


def extract_text(data, extension):
    """(text, status) of a file's bytes; status is one of documents.legal.TextStatus's values."""
    extension = (extension or "").lower()
    try:
        if extension == "pdf":
            from pypdf import PdfReader

            reader = PdfReader(io.BytesIO(data))
            text = "\n".join((page.extract_text() or "") for page in reader.pages)
            text = " ".join(text.split())
            return (text[:MAX_CHARS], "ok") if text else ("", "scanned")
        if extension == "docx":
            from docx import Document

            document = Document(io.BytesIO(data))
            parts = [p.text for p in document.paragraphs]
            for table in document.tables:
                parts.extend(cell.text for row in table.rows for cell in row.cells)
            text = " ".join(" ".join(parts).split())
            return text[:MAX_CHARS], "ok"
    except Exception:  # a damaged file must not stop the others
        logger.warning("could not read %s file", extension, exc_info=True)
        return "", "error"
    return "", "unsupported"
