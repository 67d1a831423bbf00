"""Demo questions and answers for ``seed_demo`` (idempotent: a unit that has questions already is left as it
is): three answered (published QuestionPages linked to their questions) and one waiting, per unit."""

from datetime import timedelta

from django.utils import timezone

from questions.fields import ensure_default_fields
from questions.models import Question, QuestionField, QuestionPage, new_reference
from questions.services import asker_label_for, due_date, free_slug, index_page_of

# (field, title, question, answer, days ago, show the name); "{unit}" is the unit's name.
ANSWERED = [
    (
        "Đất đai",
        "Thủ tục cấp giấy chứng nhận quyền sử dụng đất lần đầu",
        "Gia đình tôi sử dụng thửa đất ở ổn định từ năm 1995, chưa có giấy chứng nhận. Xin hỏi {unit} "
        "cần chuẩn bị hồ sơ gì và nộp ở đâu để được cấp giấy chứng nhận lần đầu?",
        "<p>Ông/bà chuẩn bị hồ sơ gồm: đơn đăng ký đất đai, tài sản gắn liền với đất (Mẫu số 04/ĐK), "
        "giấy tờ về quyền sử dụng đất (nếu có) và bản sao giấy tờ tùy thân.</p>"
        "<p>Hồ sơ nộp tại Bộ phận Một cửa của {unit} hoặc trực tuyến trên Cổng Dịch vụ công quốc gia. "
        "Công chức địa chính sẽ kiểm tra hiện trạng thửa đất và niêm yết công khai trước khi chuyển hồ sơ "
        "lên cấp huyện.</p>",
        30,
        True,
    ),
    (
        "Hộ tịch",
        "Đăng ký khai sinh cho con khi cha mẹ chưa đăng ký kết hôn",
        "Vợ chồng tôi chưa đăng ký kết hôn, nay sinh con. Xin hỏi có đăng ký khai sinh cho cháu tại {unit} "
        "được không và ghi tên cha như thế nào?",
        "<p>Được. Người mẹ đăng ký khai sinh cho con tại {unit} nơi cư trú. Nếu người cha muốn nhận con, "
        "hai bên làm thủ tục đăng ký khai sinh kết hợp nhận cha, con; cần có văn bản, chứng cứ chứng minh "
        "quan hệ cha, con.</p><p>Thời hạn giải quyết: trong ngày làm việc nếu hồ sơ đầy đủ.</p>",
        18,
        False,
    ),
    (
        "Chính sách xã hội",
        "Điều kiện hưởng trợ cấp xã hội hằng tháng cho người cao tuổi",
        "Mẹ tôi năm nay 80 tuổi, không có lương hưu. Xin hỏi bà có được hưởng trợ cấp hằng tháng không và "
        "làm hồ sơ ở đâu?",
        "<p>Người từ đủ 80 tuổi trở lên không có lương hưu, trợ cấp bảo hiểm xã hội hằng tháng thuộc diện "
        "hưởng trợ cấp xã hội hằng tháng theo Nghị định 20/2021/NĐ-CP.</p><p>Gia đình nộp tờ khai (Mẫu số "
        "1a) tại Bộ phận Một cửa của {unit}; công chức Lao động - Thương binh và Xã hội sẽ hướng dẫn.</p>",
        7,
        False,
    ),
]
WAITING = (
    "Xây dựng",
    "Sửa chữa nhà ở có cần xin giấy phép xây dựng không?",
    "Nhà tôi ở khu dân cư nông thôn của {unit}, nay muốn sửa lại mái và nâng nền. Xin hỏi có phải xin "
    "giấy phép xây dựng không?",
    1,
)
ASKERS = ["Nguyễn Văn Hùng", "Trần Thị Mai", "Lê Văn Tâm", "Phạm Thị Lan"]


def _answered_by(unit, officials):
    for official in (officials or {}).values() if isinstance(officials, dict) else officials or []:
        if getattr(official, "position", ""):
            return f"{official.position} {official.name}".strip()
    return f"Ủy ban nhân dân {unit.name}" if not unit.name.lower().startswith("ủy ban") else unit.name


def _question(unit, field_name, title, body, days_ago, number, *, show_name=False, with_email=False):
    ensure_default_fields()
    field = QuestionField.objects.filter(name=field_name).first()
    received_at = timezone.now() - timedelta(days=days_ago, hours=number)
    return Question.objects.create(
        reference=new_reference(),
        unit=unit,
        received_unit=unit,
        field=field,
        title=title,
        body=body.format(unit=unit.name),
        name=ASKERS[number % len(ASKERS)],
        # answered ones: a phone number only (made up), so that publishing their answers sends no mail
        email=f"nguoidan{number + 1}@example.invalid" if with_email else "",
        phone="" if with_email else f"090000000{number}",
        show_name=show_name,
        consent_at=received_at,
        received_at=received_at,
        due_on=due_date(received_at),
    )


def fill_questions(unit, *, officials=None):
    """Add the demo questions of ``unit`` (none if it has any). Returns how many were added."""
    if Question.objects.filter(received_unit=unit).exists():
        return 0
    index = index_page_of(unit)
    answered_by = _answered_by(unit, officials)
    added = 0
    for number, (field_name, title, body, answer, days_ago, show_name) in enumerate(ANSWERED):
        question = _question(unit, field_name, title, body, days_ago, number, show_name=show_name)
        published_at = question.received_at + timedelta(days=max(1, days_ago // 3))
        page = QuestionPage(
            title=title,
            slug=free_slug(index, title),
            question=question,
            field=question.field,
            question_text=question.body,
            asker_label=asker_label_for(question),
            asked_on=timezone.localdate(question.received_at),
            answer=answer.format(unit=unit.name),
            answered_by=answered_by,
        )
        index.add_child(instance=page)
        page.save_revision().publish()  # answer_published marks the question answered (the signal)
        QuestionPage.objects.filter(pk=page.pk).update(
            first_published_at=published_at, last_published_at=published_at
        )
        Question.objects.filter(pk=question.pk).update(
            status=Question.Status.ANSWERED, answered_at=published_at, closed_at=published_at
        )
        added += 1
    field_name, title, body, days_ago = WAITING
    _question(unit, field_name, title, body, days_ago, len(ANSWERED), with_email=True)
    return added + 1
