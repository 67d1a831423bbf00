from datetime import date
from pathlib import Path

import pytest

from news.legacy import parse_legacy_article

SAMPLE = Path(__file__).resolve().parents[2] / "portal" / "demo" / "sample-legacy-article.txt"


def test_parses_the_real_legacy_article():
    article = parse_legacy_article(SAMPLE.read_text(encoding="utf-8"))
    assert article.title.startswith("UBND huyện Ninh Phước tổ chức cuộc họp")
    assert article.published == date(2020, 9, 21)
    assert article.event_date == date(2020, 9, 17)
    assert article.byline == "Uyên Phương"
    assert len(article.paragraphs) == 3
    assert article.lead.startswith("Sáng ngày 17/9/2020")
    assert all("Tin đã đưa" not in p and "(08/09)" not in p for p in article.paragraphs)


def test_handles_missing_parts_and_bad_dates():
    article = parse_legacy_article("Tiêu đề\n31/02/2020\nMột đoạn văn duy nhất kết thúc bằng dấu chấm.")
    assert article.title == "Tiêu đề"
    assert article.published is None
    assert article.byline == ""


def test_empty_text_is_an_error():
    with pytest.raises(ValueError):
        parse_legacy_article("Tin khác\n\n  \n")
