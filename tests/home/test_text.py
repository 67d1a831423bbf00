"""Folding and query parsing shared by indexing and searching (home/text.py)."""

import pytest

from home.text import MAX_QUERY_PARTS, MAX_TOKEN_LENGTH, fold, folded_words, parse_query, tokens


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Ninh Phước", "ninh phuoc"),
        ("Đảng bộ", "dang bo"),  # đ/Đ are not decomposed by Unicode: folded by rule
        ("ĐẢNG ỦY", "dang uy"),
        ("Nghị quyết số 125/QĐ-UBND", "nghi quyet so 125/qd-ubnd"),
        ("Hòa Hoà", "hoa hoa"),  # both tone placements
        ("Phu\u031bo\u031b\u0301c", "phuoc"),  # decomposed input (combining marks)
    ],
)
def test_fold(text, folded):
    assert fold(text) == folded


def test_tokens_split_document_numbers_and_drop_symbols():
    assert tokens("125/QĐ-UBND") == ["125", "qd", "ubnd"]
    assert tokens("🙂 — ‘Xã’!") == ["xa"]
    assert tokens("Phư\u200bớc") == ["phuoc"]  # invisible characters do not split a word
    assert tokens("x" * 500) == ["x" * MAX_TOKEN_LENGTH]
    assert folded_words("Xã Phước Hậu") == " xa phuoc hau "


def test_parse_query_terms_phrases_and_numbers():
    parsed = parse_query('Ninh Phước "quyết định" 125/QĐ-UBND')
    assert parsed.terms == ["ninh", "phuoc"]
    assert parsed.phrases == [["quyet", "dinh"], ["125", "qd", "ubnd"]]
    assert parsed.words == {"ninh", "phuoc", "quyet", "dinh", "125", "qd", "ubnd"}


def test_parse_query_typographic_quotes_and_unbalanced_quote():
    assert parse_query("“phước hậu”").phrases == [["phuoc", "hau"]]
    parsed = parse_query('"phước hậu')
    assert parsed.terms == ["phuoc", "hau"] and parsed.phrases == []


@pytest.mark.parametrize("raw", ["", "   ", "🙂🙂", "\u0301\u0300", "\u200b\u200d", "%_*", None, "\x00"])
def test_parse_query_of_nothing_searchable_is_empty(raw):
    assert not parse_query(raw)


def test_parse_query_bounds_the_number_of_parts():
    parsed = parse_query(" ".join(f"w{i}" for i in range(50)))
    assert len(parsed.terms) == MAX_QUERY_PARTS
    assert parsed.terms[0] == "w0"
