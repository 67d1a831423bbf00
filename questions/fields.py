"""The fields (lĩnh vực) a question can belong to: the board manages them; these are the first ones."""

from questions.models import QuestionField

# Stored as data (Vietnamese names: the board renames or adds as it likes).
DEFAULT_FIELDS = ["Đất đai", "Hộ tịch", "Chính sách xã hội", "Xây dựng", "Khác"]


def ensure_default_fields():
    """Create the default fields when there are none at all (idempotent; never re-creates one the board
    deleted while others remain)."""
    if QuestionField.objects.exists():
        return
    for order, name in enumerate(DEFAULT_FIELDS):
        QuestionField.objects.get_or_create(name=name, defaults={"sort_order": (order + 1) * 10})
