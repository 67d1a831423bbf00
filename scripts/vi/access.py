"""Issue #19 §4 and §7: the access-to-information page, the new disclosure categories, the late-disclosure and
consultation-outcome figures of the statistics."""

VI = {
    # disclosure categories (Luật Tiếp cận thông tin 2016, Điều 17, khoản 1)
    "Taxes, fees and charges": "Thuế, phí, lệ phí",
    "Land use, land prices, recovery, compensation and resettlement": (
        "Quy hoạch, kế hoạch sử dụng đất, giá đất, thu hồi đất, bồi thường, hỗ trợ, tái định cư"
    ),
    "Relief, social assistance, aid and funds": "Cứu trợ, trợ cấp xã hội, viện trợ và các loại quỹ",
    "Periodic reports, financial reports and statistics": "Báo cáo định kỳ, báo cáo tài chính và thống kê",
    "Administrative procedures": "Thủ tục hành chính",
    "Inspection and examination conclusions on the environment, public health, food safety and labour safety": (
        "Kết luận thanh tra, kiểm tra về môi trường, sức khỏe cộng đồng, an toàn thực phẩm, an toàn lao động"
    ),
    "Law on Access to Information 2016, Art. 17, clause 1, point %(point)s": (
        "Luật Tiếp cận thông tin 2016, Điều 17, khoản 1, điểm %(point)s"
    ),
    # consultation outcome
    "Comments not open yet": "Chưa đến thời gian lấy ý kiến",
    "Open for comments": "Đang lấy ý kiến",
    "Gathering the comments": "Đang tổng hợp ý kiến",
    "Outcome published": "Đã có kết quả",
    "Consultation": "Lấy ý kiến",
    "report on the comments received": "báo cáo tổng hợp, tiếp thu, giải trình ý kiến",
    "The report summing up the comments and how they were taken into account or answered.": (
        "Báo cáo tổng hợp các ý kiến góp ý và việc tiếp thu, giải trình."
    ),
    "outcome published on": "ngày công bố kết quả",
    "summary of the outcome": "tóm tắt kết quả",
    "Outcome of the consultation (after the comments close)": "Kết quả lấy ý kiến (sau khi hết thời gian góp ý)",
    "Only a draft for public comment has a consultation outcome.": (
        "Chỉ dự thảo lấy ý kiến mới có kết quả lấy ý kiến."
    ),
    "Attach the report on the comments received.": "Hãy đính kèm báo cáo tổng hợp, tiếp thu, giải trình ý kiến.",
    "Give the date the outcome was published.": "Hãy nhập ngày công bố kết quả.",
    "The outcome comes after the comments close (%(date)s).": (
        "Kết quả chỉ được công bố sau khi hết thời gian góp ý (%(date)s)."
    ),
    "The outcome cannot be dated in the future.": "Ngày công bố kết quả không được ở tương lai.",
    "the comments are closed; the drafting unit is summing them up and will publish how they were taken into "
    "account.": (
        "đã hết thời gian góp ý; cơ quan soạn thảo đang tổng hợp và sẽ công bố việc tiếp thu, giải trình các ý "
        "kiến."
    ),
    "Download the report on the comments received": "Tải báo cáo tổng hợp, tiếp thu, giải trình ý kiến",
    # dashboard panel and statistics table of overdue outcomes
    "Drafts without a published outcome": "Dự thảo chưa công bố kết quả",
    "Comments closed more than %(days)s days ago and the report on the comments received is not attached "
    "yet.": "Đã hết thời gian góp ý hơn %(days)s ngày mà chưa đính kèm báo cáo tổng hợp, tiếp thu, giải trình.",
    "Comments closed": "Hết hạn góp ý",
    "Days overdue": "Số ngày quá hạn",
    "Outcome due": "Hạn công bố kết quả",
    "Every closed consultation has its outcome, or is still within %(days)s days.": (
        "Mọi dự thảo đã hết thời gian góp ý đều đã có kết quả hoặc còn trong hạn %(days)s ngày."
    ),
    "Drafts for public comment whose comments closed more than %(days)s days ago without the report on the "
    "comments received. Whatever the period: what is overdue today.": (
        "Dự thảo lấy ý kiến đã hết thời gian góp ý hơn %(days)s ngày mà chưa có báo cáo tổng hợp, tiếp thu, "
        "giải trình. Không phụ thuộc kỳ báo cáo: những gì đang quá hạn hôm nay."
    ),
    # the access-to-information page
    "Access to information": "Tiếp cận thông tin",
    "access to information page": "trang tiếp cận thông tin",
    "introduction": "giới thiệu",
    "focal point: name": "đầu mối: họ và tên",
    "focal point: position and department": "đầu mối: chức vụ, bộ phận",
    "address for requests": "địa chỉ tiếp nhận yêu cầu",
    "reception hours": "thời gian tiếp nhận",
    "For example: Monday to Friday, 7:30–11:30 and 13:30–17:00": (
        "Ví dụ: Thứ Hai đến Thứ Sáu, 7:30–11:30 và 13:30–17:00"
    ),
    "how to send a request": "cách gửi yêu cầu",
    "Empty: the standard text (in person, by post, fax or e-mail, with the form).": (
        "Để trống: dùng nội dung chuẩn (trực tiếp, qua bưu điện, fax hoặc thư điện tử, kèm phiếu yêu cầu)."
    ),
    "Enter a phone number: digits, spaces, dots or dashes, for example 0259 3864 123.": (
        "Nhập số điện thoại: chữ số, dấu cách, dấu chấm hoặc gạch ngang, ví dụ 0259 3864 123."
    ),
    "The law asks for this: fill it in.": "Luật yêu cầu công khai thông tin này: hãy điền vào.",
    "Give a phone number or an e-mail address (preferably both).": (
        "Hãy nhập số điện thoại hoặc địa chỉ thư điện tử (nên có cả hai)."
    ),
    "Focal point for information requests": "Đầu mối tiếp nhận yêu cầu cung cấp thông tin",
    "Information disclosed proactively": "Danh mục thông tin công khai",
    "Nothing has been published yet.": "Chưa có thông tin nào được công khai.",
    "Categories with nothing published yet": "Nhóm thông tin chưa được công khai",
    "Reception hours": "Thời gian tiếp nhận",
    "The focal point has not been named yet.": "Chưa cử đầu mối tiếp nhận yêu cầu.",
    "How to request information": "Cách yêu cầu cung cấp thông tin",
    "Fill in the request form and send it to the focal point above: in person, by post, by fax or by e-mail. "
    "The agency answers within the time limits of the Law on Access to Information 2016 (Art. 29 to 31).": (
        "Điền Phiếu yêu cầu cung cấp thông tin và gửi đến đầu mối nêu trên: trực tiếp, qua bưu điện, fax hoặc "
        "thư điện tử. Cơ quan trả lời trong thời hạn quy định tại Luật Tiếp cận thông tin 2016 (Điều 29 đến "
        "Điều 31)."
    ),
    # statistics: late disclosure, leaders
    "Documents disclosed more than %(days)s working days after their issue, per unit (Law on Access "
    "to Information, Art. 18(4))": (
        "Văn bản công khai chậm quá %(days)s ngày làm việc kể từ ngày ban hành, theo đơn vị (Điều 18 khoản 4 "
        "Luật TCTT)"
    ),
    "Documents disclosed more than %(days)s working days after their issue (Law on Access to Information, "
    "Art. 18(4))": (
        "Văn bản công khai chậm quá %(days)s ngày làm việc kể từ ngày ban hành (Điều 18 khoản 4 Luật TCTT)"
    ),
    "Documents published": "Văn bản đã đăng",
    "Published late": "Đăng chậm",
    "Published late (%)": "Đăng chậm (%)",
    "Most working days over the limit": "Số ngày làm việc chậm nhiều nhất",
    "Law on Access to Information 2016, Art. 18(4): unless another law sets the time, information is disclosed "
    "within 5 working days of the day it is created. Documents first published in the period; working days "
    "from the date of issue to the first publication (weekends and public holidays not counted).": (
        "Luật Tiếp cận thông tin 2016, Điều 18, khoản 4: trường hợp pháp luật chưa có quy định thì chậm nhất là "
        "05 ngày làm việc kể từ ngày tạo ra thông tin phải công khai. Văn bản đăng lần đầu trong kỳ; số ngày "
        "làm việc tính từ ngày ban hành đến ngày đăng lần đầu (không tính thứ Bảy, Chủ nhật và ngày lễ, Tết)."
    ),
    "First published": "Ngày đăng lần đầu",
    "Working days to publication": "Số ngày làm việc đến khi đăng",
    "Working days late": "Số ngày làm việc chậm",
    "No document of the period was published late.": "Không có văn bản nào của kỳ bị đăng chậm.",
    "Most late first. Working days late: beyond the 5 working days of Art. 18(4).": (
        "Văn bản chậm nhất ở đầu. Số ngày làm việc chậm: vượt quá 05 ngày làm việc của Điều 18, khoản 4."
    ),
    "Units with no leaders listed": "Đơn vị chưa công khai danh sách lãnh đạo",
    "Every unit lists its leaders.": "Mọi đơn vị đều đã công khai lãnh đạo.",
    "Units whose leaders page shows nobody (no official in office shown publicly).": (
        "Đơn vị có trang lãnh đạo trống (không có lãnh đạo đương nhiệm nào được hiển thị công khai)."
    ),
    "Late disclosure": "Công khai chậm",
    "Late documents": "Văn bản đăng chậm",
    "Consultation outcomes": "Kết quả lấy ý kiến",
    "No leaders listed": "Chưa công khai lãnh đạo",
    # the list of information disclosed, focal point, forms (NĐ 13/2018/NĐ-CP, Art. 5, 6 and 11)
    "Form of disclosure: posted on this portal. Time: at the latest 5 working days from the day the information "
    "is created, unless another law sets the time (Law on Access to Information 2016, Art. 18(4)).": (
        "Hình thức công khai: đăng tải trên cổng thông tin điện tử này. Thời điểm: chậm nhất là 05 ngày làm việc "
        "kể từ ngày tạo ra thông tin, trừ trường hợp pháp luật có quy định khác (Luật Tiếp cận thông tin 2016, "
        "Điều 18, khoản 4)."
    ),
    ("%(counter)s item", 0): "%(counter)s mục",
    "last published": "đăng gần nhất",
    "View all": "Xem tất cả",
    "Published on": "Ngày đăng",
    "e-mail for requests": "thư điện tử tiếp nhận yêu cầu",
    "E-mail for requests": "Thư điện tử tiếp nhận yêu cầu",
    "e-mail for complaints": "thư điện tử tiếp nhận phản ánh, khiếu nại",
    "Where citizens send feedback, complaints and denunciations about access to information (Nghị định "
    "13/2018/NĐ-CP, Art. 11). Empty: the e-mail for requests.": (
        "Địa chỉ tiếp nhận phản ánh, kiến nghị, khiếu nại, tố cáo của công dân về tiếp cận thông tin (Nghị định "
        "13/2018/NĐ-CP, Điều 11). Để trống: dùng thư điện tử tiếp nhận yêu cầu."
    ),
    "Feedback and complaints about access to information": (
        "Tiếp nhận phản ánh, kiến nghị, khiếu nại, tố cáo về tiếp cận thông tin"
    ),
    "Forms and rules to download": "Biểu mẫu và quy chế",
    "request form (form 01a)": "phiếu yêu cầu (Mẫu số 01a)",
    "request form (form 01b)": "phiếu yêu cầu (Mẫu số 01b)",
    "consent form (form 06)": "văn bản đồng ý (Mẫu số 06)",
    "rules on providing information": "quy chế cung cấp thông tin",
    "“Phiếu yêu cầu cung cấp thông tin”, form 01a annexed to Nghị định 13/2018/NĐ-CP (a citizen's request).": (
        "“Phiếu yêu cầu cung cấp thông tin”, Mẫu số 01a ban hành kèm Nghị định 13/2018/NĐ-CP (công dân yêu cầu)."
    ),
    "Form 01b annexed to Nghị định 13/2018/NĐ-CP (a request made through a representative).": (
        "Mẫu số 01b ban hành kèm Nghị định 13/2018/NĐ-CP (yêu cầu thông qua người đại diện)."
    ),
    "Form 06 annexed to Nghị định 13/2018/NĐ-CP (written consent of the person concerned).": (
        "Mẫu số 06 ban hành kèm Nghị định 13/2018/NĐ-CP (văn bản đồng ý của người có liên quan)."
    ),
    "The unit's “quy chế cung cấp thông tin” (Law on Access to Information 2016, Art. 34(1)(h)).": (
        "“Quy chế cung cấp thông tin” của đơn vị (Luật Tiếp cận thông tin 2016, Điều 34, khoản 1, điểm h)."
    ),
    "Request form (form 01a)": "Phiếu yêu cầu cung cấp thông tin (Mẫu số 01a)",
    "Request form through a representative (form 01b)": (
        "Phiếu yêu cầu cung cấp thông tin qua người đại diện (Mẫu số 01b)"
    ),
    "Consent of the person concerned (form 06)": "Văn bản đồng ý của người có liên quan (Mẫu số 06)",
    "Rules on providing information": "Quy chế cung cấp thông tin",
    "information accessible on conditions": "thông tin được tiếp cận có điều kiện",
    "Information accessible on conditions": "Thông tin công dân được tiếp cận có điều kiện",
    "The list of information citizens may access only on conditions (Law on Access to Information 2016, Art. 7; "
    "Nghị định 13/2018/NĐ-CP, Art. 6(1)).": (
        "Danh mục thông tin công dân được tiếp cận có điều kiện (Luật Tiếp cận thông tin 2016, Điều 7; Nghị định "
        "13/2018/NĐ-CP, Điều 6, khoản 1)."
    ),
}
