"""Issue #20 §1 and §4: citizens' questions, the public side and the core (questions/, helper A1)."""

VI = {
    # questions/models.py
    "question field": "lĩnh vực hỏi đáp",
    "question fields": "lĩnh vực hỏi đáp",
    "Received": "Đã tiếp nhận",
    "Being answered": "Đang trả lời",
    "Answered": "Đã trả lời",
    "Closed": "Đã đóng",
    "reference": "mã số",
    "received by": "đơn vị tiếp nhận",
    "question": "câu hỏi",
    "show the name with the answer": "hiển thị tên cùng câu trả lời",
    "attachment": "tệp đính kèm",
    "attachment's name": "tên tệp đính kèm",
    "consent given at": "đồng ý lúc",
    "reason for closing": "lý do đóng",
    "received at": "tiếp nhận lúc",
    "answer due on": "hạn trả lời",
    "answered at": "trả lời lúc",
    "closed at": "đóng lúc",
    "contact details erased at": "xóa thông tin liên hệ lúc",
    "flagged": "cần lưu ý",
    "questions": "câu hỏi",
    "from unit": "từ đơn vị",
    "to unit": "đến đơn vị",
    "forwarded by": "người chuyển",
    "forwarded at": "chuyển lúc",
    "question forwarding": "lượt chuyển câu hỏi",
    "question forwardings": "lượt chuyển câu hỏi",
    "Address network": "Dải địa chỉ mạng",
    "value": "giá trị",
    "created by": "người tạo",
    "created at": "tạo lúc",
    "blocked sender": "người gửi bị chặn",
    "blocked senders": "người gửi bị chặn",
    "questions and answers index": "trang hỏi đáp",
    "question as published": "câu hỏi được đăng",
    "Remove any personal data (addresses, phone numbers, ID numbers) before publishing.": (
        "Xóa mọi dữ liệu cá nhân (địa chỉ, số điện thoại, số định danh) trước khi đăng."
    ),
    "asked by": "người hỏi",
    "asked on": "ngày hỏi",
    "answer": "câu trả lời",
    "answered by": "người trả lời",
    "Question": "Câu hỏi",
    "question and answer": "hỏi đáp",
    "questions and answers": "hỏi đáp",
    # questions/services.py, log_actions.py, sections.py
    "A citizen": "Người dân",
    "Only a question waiting for an answer can be forwarded.": "Chỉ chuyển được câu hỏi đang chờ trả lời.",
    "An answer to this question is being drafted: delete the draft before forwarding it.": (
        "Câu hỏi này đang có bản nháp trả lời: hãy xóa bản nháp trước khi chuyển."
    ),
    "The question already belongs to this unit.": "Câu hỏi đã thuộc đơn vị này.",
    "This question is closed.": "Câu hỏi này đã đóng.",
    "This question is already closed or answered.": "Câu hỏi này đã được đóng hoặc đã được trả lời.",
    "Questions and answers": "Hỏi đáp",
    "Forwarded from %(from_unit)s to %(to_unit)s": "Đã chuyển từ %(from_unit)s đến %(to_unit)s",
    "Closed without a public answer": "Đóng mà không đăng câu trả lời",
    "Forward a question": "Chuyển câu hỏi",
    "Close a question": "Đóng câu hỏi",
    # questions/forms.py
    "Files of type “%(ext)s” are not accepted. Use PDF, DOC, DOCX, ODT, JPG or PNG.": (
        "Không nhận tệp loại “%(ext)s”. Hãy dùng PDF, DOC, DOCX, ODT, JPG hoặc PNG."
    ),
    "Send to": "Gửi đến",
    "Your name": "Họ và tên",
    "Give an e-mail address, a phone number or both: we reply to the e-mail address.": (
        "Hãy cho biết địa chỉ thư điện tử, số điện thoại hoặc cả hai: chúng tôi trả lời qua thư điện tử."
    ),
    "Choose a field": "Chọn lĩnh vực",
    "Title of the question": "Tiêu đề câu hỏi",
    "Your question": "Câu hỏi của bạn",
    "Attachment (optional)": "Tệp đính kèm (không bắt buộc)",
    "PDF, DOC, DOCX, ODT, JPG or PNG, at most %(mb)s MB.": "PDF, DOC, DOCX, ODT, JPG hoặc PNG, tối đa %(mb)s MB.",
    "Show my name with the published answer (otherwise “A citizen” is shown).": (
        "Hiển thị tên tôi cùng câu trả lời được đăng (nếu không, ghi là “Người dân”)."
    ),
    "Please give your question a title.": "Vui lòng nhập tiêu đề câu hỏi.",
    "Please write your question.": "Vui lòng nhập nội dung câu hỏi.",
    "Please give a valid e-mail address, such as ten@example.vn.": (
        "Vui lòng nhập địa chỉ thư điện tử hợp lệ, ví dụ ten@example.vn."
    ),
    "Please choose a field from the list.": "Vui lòng chọn một lĩnh vực trong danh sách.",
    "Please choose a field.": "Vui lòng chọn lĩnh vực.",
    "At most %(limit_value)d characters are allowed (it has %(show_value)d).": (
        "Chỉ được nhập tối đa %(limit_value)d ký tự (hiện có %(show_value)d)."
    ),
    "Choose a unit": "Chọn đơn vị",
    "Please choose the unit your question is for.": "Vui lòng chọn đơn vị nhận câu hỏi.",
    "Please choose a unit from the list.": "Vui lòng chọn một đơn vị trong danh sách.",
    "At most %(max)d characters. Please do not write personal data such as ID numbers: the question may be "
    "published with its answer (without your name unless you agree, and without your contact details).": (
        "Tối đa %(max)d ký tự. Vui lòng không ghi dữ liệu cá nhân như số định danh: câu hỏi có thể được đăng "
        "cùng câu trả lời (không kèm tên nếu bạn không đồng ý, và không kèm thông tin liên hệ)."
    ),
    "At most %(max)d characters are allowed (it has %(length)d).": (
        "Chỉ được nhập tối đa %(max)d ký tự (hiện có %(length)d)."
    ),
    "Please give a Vietnamese phone number, such as 0912 345 678 or 0259 3851 234.": (
        "Vui lòng nhập số điện thoại Việt Nam, ví dụ 0912 345 678 hoặc 0259 3851 234."
    ),
    "Please give an e-mail address or a phone number, so we can reply.": (
        "Vui lòng cho biết địa chỉ thư điện tử hoặc số điện thoại để chúng tôi trả lời."
    ),
    "Your question contains “%(phrase)s”, which cannot be accepted. Please rephrase it.": (
        "Câu hỏi có cụm từ “%(phrase)s” không được chấp nhận. Vui lòng viết lại."
    ),
    # questions/views.py
    "To receive your question, answer it (publicly, without your contact details) and tell you when the "
    "answer is published.": (
        "Để tiếp nhận câu hỏi, trả lời công khai (không kèm thông tin liên hệ của bạn) và báo cho bạn khi câu "
        "trả lời được đăng."
    ),
    "your question is answered or closed": "câu hỏi được trả lời hoặc đóng",
    "Your question could not be received. Please contact the unit directly by telephone or in person.": (
        "Không thể tiếp nhận câu hỏi của bạn. Vui lòng liên hệ trực tiếp với đơn vị qua điện thoại hoặc tại "
        "trụ sở."
    ),
    "Too many questions were sent from your connection in a short time. Please try again later; what you "
    "typed is kept below.": (
        "Có quá nhiều câu hỏi được gửi từ kết nối của bạn trong thời gian ngắn. Vui lòng thử lại sau; nội dung "
        "bạn đã nhập được giữ lại bên dưới."
    ),
    "The unit has received too many questions in a short time and cannot take more for now. Please try "
    "again later; what you typed is kept below.": (
        "Đơn vị đã nhận quá nhiều câu hỏi trong thời gian ngắn nên tạm thời chưa thể tiếp nhận thêm. Vui lòng "
        "thử lại sau; nội dung bạn đã nhập được giữ lại bên dưới."
    ),
    # questions/templates/questions/*.html
    "Ask a question": "Đặt câu hỏi",
    "Question form": "Mẫu đặt câu hỏi",
    "Please correct the following:": "Vui lòng sửa các mục sau:",
    "The file you chose was not kept: please choose it again.": "Tệp bạn đã chọn không được giữ lại: vui lòng chọn lại.",
    "About you": "Thông tin của bạn",
    "Send the question": "Gửi câu hỏi",
    "Your question goes to %(unit)s. You receive a reference number, and an e-mail when the answer is "
    "published; the answer is published on this site without your contact details.": (
        "Câu hỏi của bạn được gửi đến %(unit)s. Bạn nhận được mã số câu hỏi, và một thư điện tử khi câu trả "
        "lời được đăng; câu trả lời được đăng trên trang này, không kèm thông tin liên hệ của bạn."
    ),
    "Keyword": "Từ khóa",
    "Answered questions": "Câu hỏi đã được trả lời",
    "No answered questions match.": "Không có câu hỏi đã trả lời nào phù hợp.",
    "Find an answer": "Tìm câu trả lời",
    "Ask %(unit)s a question about its work and the procedures it handles; the answers are published here, "
    "without the askers' contact details.": (
        "Đặt câu hỏi cho %(unit)s về công việc và các thủ tục do đơn vị giải quyết; câu trả lời được đăng tại "
        "đây, không kèm thông tin liên hệ của người hỏi."
    ),
    "Asked on %(date)s": "Hỏi ngày %(date)s",
    "Answered on %(date)s": "Trả lời ngày %(date)s",
    "About the question": "Thông tin câu hỏi",
    "Asked by": "Người hỏi",
    "Asked on": "Ngày hỏi",
    "Answer": "Trả lời",
    "All questions and answers": "Tất cả hỏi đáp",
    "Answered by %(who)s": "Trả lời: %(who)s",
    "Question sent": "Đã gửi câu hỏi",
    "Thank you: your question has been sent": "Cảm ơn bạn: câu hỏi đã được gửi",
    "Reference number": "Mã số câu hỏi",
    "Answer due by": "Hạn trả lời",
    "Please note the reference number: quote it if you contact the unit about your question.": (
        "Vui lòng ghi lại mã số câu hỏi và nêu mã số khi liên hệ với đơn vị về câu hỏi này."
    ),
    "An e-mail with the reference number has been sent to the address you gave; another one will come when "
    "the answer is published.": (
        "Một thư điện tử có mã số câu hỏi đã được gửi đến địa chỉ bạn cung cấp; bạn sẽ nhận thêm một thư khi "
        "câu trả lời được đăng."
    ),
    "The answer will be published on this site; the unit may also call you.": (
        "Câu trả lời sẽ được đăng trên trang này; đơn vị cũng có thể gọi điện cho bạn."
    ),
    "Your question has been received. The answer will be published on this site.": (
        "Câu hỏi của bạn đã được tiếp nhận. Câu trả lời sẽ được đăng trên trang này."
    ),
    "Back to questions and answers": "Quay lại trang hỏi đáp",
    "%(unit)s has received your question.": "%(unit)s đã tiếp nhận câu hỏi của bạn.",
    # questions/templates/questions/mail/*.txt
    "When the answer is published you will receive another e-mail with its address. Please quote the "
    "reference number if you contact us about this question.": (
        "Khi câu trả lời được đăng, bạn sẽ nhận thêm một thư kèm đường dẫn. Vui lòng nêu mã số câu hỏi khi liên "
        "hệ với chúng tôi về câu hỏi này."
    ),
    "This message was sent automatically; please do not reply to it.": (
        "Thư này được gửi tự động; vui lòng không trả lời thư này."
    ),
    "%(unit)s has received your question “%(title)s”.": "%(unit)s đã tiếp nhận câu hỏi “%(title)s” của bạn.",
    "Reference number: %(reference)s": "Mã số câu hỏi: %(reference)s",
    "An answer is due by %(date)s.": "Hạn trả lời: %(date)s.",
    "Questions and answers: %(index_url)s": "Trang hỏi đáp: %(index_url)s",
    "Your question has been received (%(reference)s)": "Câu hỏi của bạn đã được tiếp nhận (%(reference)s)",
    "Your contact details are not shown with the answer.": "Thông tin liên hệ của bạn không được đăng cùng câu trả lời.",
    "%(unit)s has published its answer to your question “%(title)s”:": (
        "%(unit)s đã đăng câu trả lời cho câu hỏi “%(title)s” của bạn:"
    ),
    "Your question %(reference)s has been answered": "Câu hỏi %(reference)s của bạn đã được trả lời",
    "Your question %(reference)s concerns %(unit)s, so it was forwarded there; that unit will answer it.": (
        "Câu hỏi %(reference)s của bạn thuộc thẩm quyền của %(unit)s nên đã được chuyển đến đơn vị này; đơn vị "
        "này sẽ trả lời bạn."
    ),
    "Reason: %(reason)s": "Lý do: %(reason)s",
    "Your question %(reference)s was forwarded": "Câu hỏi %(reference)s của bạn đã được chuyển",
    "The question form of %(unit)s reached its limit (%(rate)s) at %(time)s: further questions are refused "
    "for now. It may be a flood of automated messages; please check the unit's questions.": (
        "Mẫu đặt câu hỏi của %(unit)s đã chạm giới hạn (%(rate)s) lúc %(time)s: các câu hỏi tiếp theo tạm thời "
        "bị từ chối. Có thể đây là đợt gửi tin tự động hàng loạt; vui lòng kiểm tra các câu hỏi của đơn vị."
    ),
    "Many questions sent to %(unit)s in a short time": "Nhiều câu hỏi gửi đến %(unit)s trong thời gian ngắn",
    "This form is for questions about the unit's work and procedures. Complaints and denunciations follow their own procedure: file them with the unit's citizen reception office.": "Mục này dành cho câu hỏi về công việc và thủ tục của đơn vị. Khiếu nại, tố cáo được giải quyết theo thủ tục riêng: xin gửi tại bộ phận tiếp công dân của đơn vị.",
}
