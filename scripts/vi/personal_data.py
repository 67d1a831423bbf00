"""Issue #20 §3 "Personal data, lawfully": the notice and consent box of public forms (sites/personal_data.py,
portal/templates/components/), the admin view "Dữ liệu cá nhân" and its log (sites/personal_data_admin.py,
sites/models/personal_data.py), the providers of comments on drafts and of questions."""

VI = {
    # sites/personal_data.py: the consent box
    "I have read the notice on personal data above and agree to my data being processed for this purpose.": (
        "Tôi đã đọc thông báo về dữ liệu cá nhân ở trên và đồng ý cho xử lý dữ liệu của tôi cho mục đích này."
    ),
    "Please tick the box to agree to your data being processed; without it we cannot receive what you sent.": (
        "Vui lòng đánh dấu vào ô đồng ý cho xử lý dữ liệu; nếu không, chúng tôi không thể tiếp nhận nội dung "
        "bạn gửi."
    ),
    # the notice
    "Your personal data": "Dữ liệu cá nhân của bạn",
    "Who controls it:": "Bên kiểm soát dữ liệu:",
    "Purpose:": "Mục đích:",
    "What we collect:": "Dữ liệu thu thập:",
    "How long we keep it:": "Thời gian lưu trữ:",
    "Your rights and how to use them": "Quyền của bạn và cách thực hiện",
    "the case is closed": "vụ việc kết thúc",
    "Your data is not sold or given to anyone outside the State bodies that handle your case; it is not shown "
    "publicly.": (
        "Dữ liệu của bạn không được mua bán hay cung cấp cho bất kỳ ai ngoài các cơ quan nhà nước giải quyết "
        "vụ việc; không được công khai."
    ),
    "Erased": "Đã xóa",
    "To be informed": "Được biết",
    "about what is done with your data (this notice).": "về việc xử lý dữ liệu của bạn (thông báo này).",
    "To consent or not": "Đồng ý hoặc không đồng ý",
    "nothing is processed without your consent for this purpose.": (
        "không xử lý dữ liệu nào khi chưa có sự đồng ý của bạn cho mục đích này."
    ),
    "To withdraw your consent": "Rút lại sự đồng ý",
    "at any time; what was done before stays lawful, and we then erase your contact details.": (
        "bất cứ lúc nào; việc xử lý trước đó vẫn hợp pháp, và chúng tôi sẽ xóa thông tin liên hệ của bạn."
    ),
    "To see your data and get a copy": "Xem và nhận bản sao dữ liệu",
    "of everything we hold about you.": "về mọi dữ liệu chúng tôi lưu giữ về bạn.",
    "To have it corrected": "Yêu cầu chỉnh sửa",
    "if it is wrong or incomplete.": "nếu dữ liệu sai hoặc chưa đầy đủ.",
    "To have it erased": "Yêu cầu xóa",
    "and to restrict or object to its processing.": "và yêu cầu hạn chế xử lý, phản đối xử lý dữ liệu.",
    "To complain": "Khiếu nại",
    "to the unit, and to the authority protecting personal data (Cục An ninh mạng và phòng, chống tội phạm sử "
    "dụng công nghệ cao, Bộ Công an), or to go to court and ask for damages.": (
        "với đơn vị và với cơ quan bảo vệ dữ liệu cá nhân (Cục An ninh mạng và phòng, chống tội phạm sử dụng "
        "công nghệ cao, Bộ Công an), tố cáo, khởi kiện và yêu cầu bồi thường thiệt hại."
    ),
    "your name": "họ tên",
    "your e-mail address or phone number": "địa chỉ thư điện tử hoặc số điện thoại",
    "what you write (and any file you attach)": "nội dung bạn viết (và tệp đính kèm, nếu có)",
    "Your name and contact details are erased %(days)s days after %(closed_when)s; what you wrote is kept "
    "without them, for the unit's records and statistics.": (
        "Họ tên và thông tin liên hệ được xóa %(days)s ngày sau khi %(closed_when)s; nội dung bạn viết được "
        "giữ lại, không kèm các thông tin đó, để lưu hồ sơ và thống kê."
    ),
    "To use these rights, write to %(controller)s (the contact details above), giving the e-mail address or "
    "phone number you used. We reply within %(reply)s working days and carry out your request within "
    "%(days)s days.": (
        "Để thực hiện các quyền này, hãy liên hệ %(controller)s (theo thông tin ở trên), cho biết địa chỉ thư "
        "điện tử hoặc số điện thoại bạn đã dùng. Chúng tôi phản hồi trong %(reply)s ngày làm việc và thực hiện "
        "yêu cầu trong %(days)s ngày."
    ),
    "Enter a valid e-mail address or phone number.": "Vui lòng nhập đúng địa chỉ thư điện tử hoặc số điện thoại.",
    "Contact details kept past their time, erased automatically.": (
        "Thông tin liên hệ đã hết thời gian lưu trữ, được xóa tự động."
    ),
    # documents/legal.py: the notice of comments on drafts
    "to receive and consider your comment on this draft, and to contact you about it if needed.": (
        "tiếp nhận, xem xét ý kiến góp ý của bạn về dự thảo và liên hệ lại với bạn khi cần."
    ),
    "the consultation on this draft ends": "kết thúc thời gian lấy ý kiến dự thảo",
    "your comment": "nội dung góp ý",
    # documents/models.py
    "consent given at": "đồng ý lúc",
    "contact erased at": "xóa thông tin liên hệ lúc",
    # documents/personal_data.py, questions/personal_data.py
    "Citizens' questions": "Hỏi đáp của người dân",
    "question": "câu hỏi",
    # sites/models/personal_data.py
    "Export": "Xuất dữ liệu",
    "Erasure on request": "Xóa theo yêu cầu",
    "Automatic erasure": "Xóa tự động",
    "action": "thao tác",
    "person (masked)": "người yêu cầu (đã che)",
    "records": "số bản ghi",
    "by": "người thực hiện",
    "reason or note": "lý do hoặc ghi chú",
    "at": "thời điểm",
    "personal data request": "yêu cầu về dữ liệu cá nhân",
    "personal data requests": "yêu cầu về dữ liệu cá nhân",
    # sites/personal_data_admin.py, sites/wagtail_hooks.py, sites/templates/sites/personal_data/
    "Personal data": "Dữ liệu cá nhân",
    "E-mail address or phone number": "Địa chỉ thư điện tử hoặc số điện thoại",
    "As the person gave it when they wrote to the unit.": "Như người đó đã cung cấp khi gửi đến đơn vị.",
    "E.g. the person's request of 2 January, received by e-mail.": (
        "Ví dụ: đơn yêu cầu của người dân ngày 02/01, nhận qua thư điện tử."
    ),
    "Enter the person's e-mail address or phone number.": (
        "Vui lòng nhập địa chỉ thư điện tử hoặc số điện thoại của người yêu cầu."
    ),
    "Choose the unit.": "Vui lòng chọn đơn vị.",
    "Choose one of your units.": "Vui lòng chọn một đơn vị của bạn.",
    "Give the reason for the erasure (the person's request).": "Vui lòng ghi lý do xóa (yêu cầu của người dân).",
    "Erased: %(count)s records. The erasure is in the log below.": (
        "Đã xóa %(count)s bản ghi. Việc xóa đã được ghi vào nhật ký bên dưới."
    ),
    "When a person asks what the unit holds about them, or asks for it to be erased: find their records by the "
    "e-mail address or phone number they used, then export them (a JSON file to send to the person) or erase "
    "their name and contact details. Every export and erasure is logged.": (
        "Khi người dân yêu cầu biết đơn vị lưu giữ dữ liệu gì về họ, hoặc yêu cầu xóa: tìm theo địa chỉ thư "
        "điện tử hoặc số điện thoại họ đã dùng, rồi xuất dữ liệu (tệp JSON gửi cho người yêu cầu) hoặc xóa họ "
        "tên và thông tin liên hệ. Mọi lần xuất và xóa đều được ghi nhật ký."
    ),
    "Find": "Tìm",
    "No feature keeps personal data.": "Không có chức năng nào lưu giữ dữ liệu cá nhân.",
    "Export the data": "Xuất dữ liệu",
    "Erase the data": "Xóa dữ liệu",
    "Log": "Nhật ký",
    "At": "Thời điểm",
    "Person (masked)": "Người yêu cầu (đã che)",
    "Records": "Số bản ghi",
    "By": "Người thực hiện",
    "Reason or note": "Lý do hoặc ghi chú",
    "Nothing logged yet.": "Chưa có mục nào trong nhật ký.",
    "What %(unit)s holds about this person": "Dữ liệu %(unit)s lưu giữ về người này",
    "The person's name becomes “Đã xóa” and their e-mail address, phone number and attached files are erased "
    "from every record below; what they wrote stays, without them, for the unit's records and statistics. This "
    "cannot be undone.": (
        "Họ tên của người này được thay bằng “Đã xóa”; địa chỉ thư điện tử, số điện thoại và tệp đính kèm bị "
        "xóa khỏi mọi bản ghi dưới đây; nội dung họ viết được giữ lại, không kèm các thông tin đó, để lưu hồ sơ "
        "và thống kê. Không thể hoàn tác."
    ),
    "Erase": "Xóa",
}
