"""Vietnamese for sign-in: lockout, password policy and reset, session timeout, two-step verification."""

VI = {
    ("This password is too short: it must have at least %(min_length)d character.", 0): (
        "Mật khẩu quá ngắn: phải có ít nhất %(min_length)d ký tự."
    ),
    ("Your password must have at least %(min_length)d character.", 0): (
        "Mật khẩu phải có ít nhất %(min_length)d ký tự."
    ),
    (
        "This account is locked after too many failed sign-in attempts from this address. Ask the "
        "editorial board to unlock it."
    ): ("Tài khoản này bị khóa do đăng nhập sai quá nhiều lần từ địa chỉ này. Hãy nhờ Ban Biên tập mở khóa."),
    (
        "This account is temporarily locked after too many failed sign-in attempts from this "
        "address. Try again after %(time)s, or ask the editorial board to unlock it."
    ): (
        "Tài khoản này tạm thời bị khóa do đăng nhập sai quá nhiều lần từ địa chỉ này. Hãy thử lại "
        "sau %(time)s, hoặc nhờ Ban Biên tập mở khóa."
    ),
    "This password is a common word with digits or symbols added; it is too easy to guess.": "Mật khẩu này chỉ là một từ thông dụng thêm chữ số hoặc ký hiệu, quá dễ đoán.",
    "Your password can't be a common word with only digits or symbols added.": "Mật khẩu không được là một từ thông dụng chỉ thêm chữ số hoặc ký hiệu.",
    "You were signed out after %(minutes)d minutes without activity. Please sign in again.": "Bạn đã được đăng xuất sau %(minutes)d phút không hoạt động. Vui lòng đăng nhập lại.",
    "Your session has reached its maximum length of %(hours)d hours. Please sign in again.": "Phiên làm việc đã đạt thời gian tối đa %(hours)d giờ. Vui lòng đăng nhập lại.",
    "This lockout could not be found.": "Không tìm thấy tài khoản bị khóa này.",
    "“%(username)s” can sign in again.": "“%(username)s” đã có thể đăng nhập lại.",
    "This account was no longer locked.": "Tài khoản này không còn bị khóa.",
    "Code from your authenticator app": "Mã từ ứng dụng xác thực",
    "This code is wrong or has expired. Enter the code your app shows now.": "Mã không đúng hoặc đã hết hạn. Hãy nhập mã ứng dụng đang hiển thị.",
    "Two-step verification is on for your account.": "Đã bật xác thực hai bước cho tài khoản của bạn.",
    (
        "Too many password reset requests. Please wait an hour and try again, or ask the editorial "
        "board for help."
    ): (
        "Quá nhiều yêu cầu đặt lại mật khẩu. Vui lòng chờ một giờ rồi thử lại, hoặc nhờ Ban Biên tập hỗ trợ."
    ),
    "Locked accounts": "Tài khoản bị khóa",
    "Two-step verification": "Xác thực hai bước",
    "Sign in with a code from your phone as well as your password.": "Đăng nhập bằng mật khẩu kèm mã trên điện thoại của bạn.",
    "Sign-in lockout lifted for the address %(address)s": "Mở khóa đăng nhập cho địa chỉ %(address)s",
    "Unlock account": "Mở khóa tài khoản",
    "Must sign in with two-step verification": "Phải đăng nhập bằng xác thực hai bước",
    (
        (
            "An account is locked from one address after %(limit)s failed sign-in attempt; it unlocks "
            "by itself after the time shown. Unlock it earlier once you know the person asking is its "
            "owner."
        ),
        0,
    ): (
        "Một tài khoản bị khóa tại một địa chỉ sau %(limit)s lần đăng nhập sai; tài khoản tự mở "
        "khóa sau thời điểm ghi trong bảng. Chỉ mở khóa sớm khi đã chắc người đề nghị là chủ tài "
        "khoản."
    ),
    "Username": "Tên đăng nhập",
    "Address": "Địa chỉ",
    "Failed attempts": "Số lần sai",
    "Last attempt": "Lần thử cuối",
    "Locked until": "Khóa đến",
    "Actions": "Thao tác",
    "Unlock": "Mở khóa",
    "No account is locked.": "Không có tài khoản nào bị khóa.",
    "Enter the 6-digit code your authenticator app shows for this portal.": "Nhập mã 6 chữ số mà ứng dụng xác thực hiển thị cho cổng thông tin này.",
    "Continue": "Tiếp tục",
    "Sign out": "Đăng xuất",
    (
        "Lost your phone? Ask the editorial board or an administrator to reset your two-step verification."
    ): "Mất điện thoại? Hãy nhờ Ban Biên tập hoặc quản trị viên đặt lại xác thực hai bước cho bạn.",
    "Set up two-step verification": "Thiết lập xác thực hai bước",
    (
        "Two-step verification is on for your account. Scanning the code below with another phone "
        "replaces the current one once you confirm it."
    ): (
        "Tài khoản của bạn đã bật xác thực hai bước. Quét mã dưới đây bằng điện thoại khác sẽ thay "
        "thế điện thoại hiện tại sau khi bạn xác nhận."
    ),
    (
        "Your account must use two-step verification: after your password, you also enter a code "
        "from an app on your phone."
    ): (
        "Tài khoản của bạn bắt buộc dùng xác thực hai bước: sau mật khẩu, bạn nhập thêm mã từ một "
        "ứng dụng trên điện thoại."
    ),
    (
        "Two-step verification protects your account even if your password is stolen: after your "
        "password, you also enter a code from an app on your phone."
    ): (
        "Xác thực hai bước bảo vệ tài khoản ngay cả khi mật khẩu bị lộ: sau mật khẩu, bạn nhập thêm"
        " mã từ một ứng dụng trên điện thoại."
    ),
    (
        "Install an authenticator app on your phone (Google Authenticator, Microsoft Authenticator,"
        " FreeOTP…)."
    ): (
        "Cài một ứng dụng xác thực trên điện thoại (Google Authenticator, Microsoft Authenticator, FreeOTP…)."
    ),
    "In the app, add an account by scanning this QR code:": "Trong ứng dụng, thêm tài khoản bằng cách quét mã QR này:",
    "QR code": "Mã QR",
    "Or type this key into the app:": "Hoặc nhập khóa này vào ứng dụng:",
    "Enter the 6-digit code the app shows, to confirm.": "Nhập mã 6 chữ số ứng dụng hiển thị để xác nhận.",
    "Confirm": "Xác nhận",
}
