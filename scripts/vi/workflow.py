"""Vietnamese for #16 items 4 (four-eyes) and 7 (limits of text extraction)."""

VI = {
    "You edited this version: someone else must approve it": "Bạn đã sửa bản này, cần người khác duyệt",
    "Too large to read in full (size, pages or time limit): split the file or attach a lighter one": "Tệp quá lớn để đọc hết (vượt giới hạn dung lượng, số trang hoặc thời gian): hãy tách tệp hoặc đính kèm tệp nhẹ hơn",
}
