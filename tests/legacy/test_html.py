"""legacy.html: legacy portal HTML -> NewsBodyBlock stream data."""

from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.utils.translation import gettext

import pytest

from legacy.html import html_to_blocks, html_to_text
from news.blocks import NewsBodyBlock
from tests.factories import make_file, make_image, news_index, publish_article

BASE = "http://cu.ninhphuoc.example/tin-tuc/hop-trang-tin-12.html"


class Thing:
    """Stands in for an Image/Document in the pure-conversion tests (only pk/title are read)."""

    def __init__(self, pk, title="t"):
        self.pk = pk
        self.title = title
        self.default_alt_text = ""


def image_missing(url):
    return gettext("image missing: %(url)s") % {"url": url}


def file_missing(url):
    return gettext("file missing: %(url)s") % {"url": url}


def types(blocks):
    return [block["type"] for block in blocks]


def test_empty_input():
    assert html_to_blocks("") == ([], [])
    assert html_to_blocks("   \n ") == ([], [])
    assert html_to_blocks("<p>&nbsp;</p><div><br></div><p><o:p></o:p></p>") == ([], [])


def test_entities_are_decoded_and_word_junk_cleaned():
    html = (
        '<p class=MsoNormal style="text-align:justify;mso-line-height-alt:12pt">'
        "<span style='font-size:13.0pt;font-family:\"Times New Roman\"'><font face=Arial color=red>"
        "Chào mừng NukeViet&#33;&nbsp;&nbsp;&nbsp; Đồng chí <b>Bạch&nbsp;Văn Nguyên</b>"
        "<o:p></o:p></font></span></p>"
        "<![if !supportLists]><p class=MsoListParagraph>  </p><![endif]>"
        "<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]-->"
        "<p class=MsoNormal><o:p>&nbsp;</o:p></p>"
        "<p><st1:place w:st='on'>Ninh Phước</st1:place> <b></b></p>"
    )
    blocks, warnings = html_to_blocks(html)
    assert warnings == []
    assert types(blocks) == ["paragraph"]
    assert blocks[0]["value"] == (
        "<p>Chào mừng NukeViet! Đồng chí <b>Bạch Văn Nguyên</b></p><p>Ninh Phước</p>"
    )


def test_scripts_styles_forms_iframes_and_handlers_dropped():
    html = (
        "<div onclick='steal()'><script>alert(1)</script><style>p{color:red}</style>"
        '<form action="/vote"><input name=q><button>Gửi</button></form>'
        '<iframe src="https://ads.example/banner"></iframe>'
        '<p onmouseover="x()">Nội <a href="javascript:alert(1)" onclick="y()">dung</a> '
        '<a href="JaVaScRiPt:alert(2)">hai</a> <a href="data:text/html,x">ba</a></p>'
        '<noscript><img src="/track.gif"></noscript></div>'
    )
    blocks, warnings = html_to_blocks(html, base_url=BASE)
    assert blocks[0]["value"] == "<p>Nội dung hai ba</p>"
    assert len(blocks) == 1
    assert warnings == []


def test_youtube_iframe_becomes_a_video_block():
    html = '<p>Xem video:</p><iframe width=560 src="//www.youtube.com/embed/dQw4w9WgXcQ?rel=0"></iframe>'
    blocks, _ = html_to_blocks(html)
    assert types(blocks) == ["paragraph", "video"]
    assert blocks[1]["value"] == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


def test_links_made_absolute_against_base_url():
    html = (
        '<p><a href="../van-ban/">Văn bản</a>, <a href="/lien-he.html#map">liên hệ</a>, '
        '<a href="mailto:a@b.vn">thư</a></p>'
    )
    blocks, _ = html_to_blocks(html, base_url=BASE)
    assert blocks[0]["value"] == (
        '<p><a href="http://cu.ninhphuoc.example/van-ban/">Văn bản</a>, '
        '<a href="http://cu.ninhphuoc.example/lien-he.html#map">liên hệ</a>, '
        '<a href="mailto:a@b.vn">thư</a></p>'
    )


def test_headings_map_to_our_levels():
    html = "<h1>Một</h1><h2>Hai</h2><h3>Ba</h3><h5><span>Năm&nbsp;</span></h5><h4> </h4>"
    blocks, _ = html_to_blocks(html)
    assert [(b["value"]["text"], b["value"]["level"]) for b in blocks] == [
        ("Một", "h2"),
        ("Hai", "h2"),
        ("Ba", "h3"),
        ("Năm", "h4"),
    ]


def test_overlong_heading_becomes_bold_paragraph():
    blocks, _ = html_to_blocks(f"<h2>{'chữ ' * 100}</h2>")
    assert types(blocks) == ["paragraph"]
    assert blocks[0]["value"].startswith("<p><b>chữ chữ")


def test_nested_divs_flattened_and_paragraphs_merged():
    html = "<div><div><div>Đoạn một</div><div><div>Đoạn <i>hai</i></div></div></div></div><p>Đoạn ba</p>"
    blocks, _ = html_to_blocks(html)
    assert types(blocks) == ["paragraph"]
    assert blocks[0]["value"] == "<p>Đoạn một</p><p>Đoạn <i>hai</i></p><p>Đoạn ba</p>"


def test_br_runs_split_paragraphs():
    blocks, _ = html_to_blocks("Dòng một<br><br><br>Dòng hai<br>tiếp<br>")
    assert blocks[0]["value"] == "<p>Dòng một</p><p>Dòng hai<br/>tiếp</p>"


def test_lists_kept_empty_items_dropped():
    blocks, _ = html_to_blocks("<ul><li>Một</li><li>&nbsp;</li><li><b>Hai</b></li></ul><ol><li></li></ol>")
    assert blocks[0]["value"] == "<ul><li>Một</li><li><b>Hai</b></li></ul>"


def test_images_resolved_with_alt_and_caption():
    seen = []

    def resolve_image(src):
        seen.append(src)
        return Thing(5) if src.endswith("hop.jpg") else None

    html = (
        "<p>Trước ảnh.</p>"
        '<p style="text-align:center"><img src="/uploads/news/2020_09/hop.jpg" alt="Toàn cảnh cuộc họp" '
        'onerror="alert(1)" width=600></p>'
        "<p><em>Ảnh: Quang cảnh buổi làm việc</em></p>"
        '<p><img src="mat-anh.png" alt="Ảnh đã mất"></p>'
        '<p><img src="data:image/gif;base64,R0lGOD"></p>'
    )
    blocks, warnings = html_to_blocks(html, base_url=BASE, resolve_image=resolve_image)
    assert types(blocks) == ["paragraph", "image"]
    assert blocks[1]["value"] == {
        "image": {"image": 5, "alt_text": "Toàn cảnh cuộc họp", "decorative": False},
        "caption": "Ảnh: Quang cảnh buổi làm việc",
        "credit": "",
    }
    assert seen == [
        "http://cu.ninhphuoc.example/uploads/news/2020_09/hop.jpg",
        "http://cu.ninhphuoc.example/tin-tuc/mat-anh.png",
    ]
    assert warnings == [image_missing("http://cu.ninhphuoc.example/tin-tuc/mat-anh.png")]


def test_image_without_resolver_is_a_warning():
    blocks, warnings = html_to_blocks('<img src="uploads/a.jpg"><img src="uploads/a.jpg">')
    assert blocks == []
    assert warnings == [image_missing("uploads/a.jpg")]


def test_image_inside_link_and_span_split_out():
    html = '<p>Chữ <span><a href="/big.jpg"><img src="/small.jpg" alt="x"></a></span> tiếp</p>'
    blocks, _ = html_to_blocks(html, base_url=BASE, resolve_image=lambda src: Thing(1))
    assert types(blocks) == ["paragraph", "image", "paragraph"]


def test_figure_caption():
    html = '<figure><img src="/a.jpg"><figcaption>Chú thích&nbsp;ảnh</figcaption></figure>'
    blocks, _ = html_to_blocks(html, base_url=BASE, resolve_image=lambda src: Thing(1, title="a"))
    assert blocks[0]["value"]["caption"] == "Chú thích ảnh"
    assert blocks[0]["value"]["image"]["alt_text"] == "Chú thích ảnh"


def test_file_links():
    def resolve_file(href):
        return Thing(9) if href.endswith(".pdf") else None

    html = (
        '<p><a href="/uploads/qd-12.pdf"><b>Quyết định số 12/QĐ-UBND</b></a></p>'
        '<p>Xem <a href="/uploads/qd-12.pdf">quyết định</a> và '
        '<a href="/uploads/ke-hoach.docx">kế hoạch</a>.</p>'
        '<p><a href="/uploads/mat.xlsx">Bảng số liệu</a></p>'
    )
    blocks, warnings = html_to_blocks(html, base_url=BASE, resolve_file=resolve_file)
    assert types(blocks) == ["attachment", "paragraph"]
    assert blocks[0]["value"] == {"document": 9, "title": "Quyết định số 12/QĐ-UBND"}
    assert blocks[1]["value"] == (
        '<p>Xem <a id="9" linktype="document">quyết định</a> và kế hoạch.</p><p>Bảng số liệu</p>'
    )
    assert warnings == [
        file_missing("http://cu.ninhphuoc.example/uploads/ke-hoach.docx"),
        file_missing("http://cu.ninhphuoc.example/uploads/mat.xlsx"),
    ]


def test_data_table_with_spans():
    html = (
        "<table border=1 style='mso-table-layout-alt:fixed'><caption>Kết quả</caption>"
        "<thead><tr><th>STT</th><th>Đơn vị</th><th>Số tin</th></tr></thead><tbody>"
        "<tr><td rowspan=2>1</td><td><p class=MsoNormal><span>Xã&nbsp;A</span></p></td><td>12</td></tr>"
        "<tr><td>Xã B</td><td>7</td></tr>"
        "<tr><td colspan=2><b>Tổng</b></td><td>19</td></tr>"
        "<tr><td></td><td></td><td></td></tr></tbody></table>"
    )
    blocks, _ = html_to_blocks(html)
    assert types(blocks) == ["table"]
    value = blocks[0]["value"]
    assert value["data"] == [
        ["STT", "Đơn vị", "Số tin"],
        ["1", "Xã A", "12"],
        ["", "Xã B", "7"],
        ["Tổng", "", "19"],
    ]
    assert value["first_row_is_table_header"] is True
    assert value["table_caption"] == "Kết quả"


def test_word_table_bold_first_row_is_header():
    html = (
        "<table class=MsoTableGrid><tr><td><p><b><span>STT<o:p></o:p></span></b></p></td>"
        "<td><strong>Tên</strong></td></tr>"
        "<tr><td>1</td><td>A</td></tr></table>"
    )
    blocks, _ = html_to_blocks(html)
    assert blocks[0]["value"]["first_row_is_table_header"] is True
    assert blocks[0]["value"]["data"] == [["STT", "Tên"], ["1", "A"]]


def test_same_html_same_ids():
    html = "<p>Một</p><h2>Hai</h2><p>Ba</p>"
    first, _ = html_to_blocks(html)
    second, _ = html_to_blocks(html)
    assert first == second
    assert len({block["id"] for block in first}) == 3


def test_ragged_table_padded_and_no_header():
    blocks, _ = html_to_blocks("<table><tr><td>a</td><td>b</td><td>c</td></tr><tr><td>d</td></tr></table>")
    assert blocks[0]["value"]["data"] == [["a", "b", "c"], ["d", "", ""]]
    assert blocks[0]["value"]["first_row_is_table_header"] is False


def test_layout_table_flattened():
    html = (
        "<table width=100%><tr><td><h2>Tiêu đề</h2><p>Đoạn trong bảng.</p>"
        "<table><tr><td>Lồng</td><td>nhau</td></tr></table></td></tr></table>"
        "<table><tr><td>Một cột</td></tr><tr><td>Hai</td></tr></table>"
    )
    blocks, _ = html_to_blocks(html)
    assert types(blocks) == ["heading", "paragraph", "table", "paragraph"]
    assert blocks[3]["value"] == "<p>Một cột</p><p>Hai</p>"


def test_blockquote_becomes_quote():
    blocks, _ = html_to_blocks("<blockquote><p>Câu một.</p><p>Câu &quot;hai&quot;.</p></blockquote>")
    assert blocks == [{"type": "quote", "value": 'Câu một.\nCâu "hai".', "id": blocks[0]["id"]}]


def test_text_is_escaped_not_interpreted():
    blocks, _ = html_to_blocks("<p>a &lt;script&gt;alert(1)&lt;/script&gt; &amp; b</p>")
    assert blocks[0]["value"] == "<p>a &lt;script&gt;alert(1)&lt;/script&gt; &amp; b</p>"


def test_broken_markup_does_not_fail():
    blocks, _ = html_to_blocks("<p>Mở <b>đậm <i>nghiêng</p><div>tiếp</td></tr><p>cuối")
    assert types(blocks) == ["paragraph"]
    assert "cuối" in blocks[0]["value"]


def test_html_to_text():
    assert html_to_text("NukeViet&#33; &amp; b&nbsp;&nbsp;c") == "NukeViet! & b c"
    assert html_to_text("<p>Một <b>hai</b></p><script>x</script><p>ba</p>") == "Một hai ba"
    assert html_to_text("") == ""


@pytest.mark.django_db
def test_blocks_save_validate_and_render(commune_a):
    image = make_image(collection=commune_a.collection, title="Họp")
    document = make_file(commune_a.collection, title="Quyết định 12")
    html = (
        "<p class=MsoNormal>Sáng ngày 17/9/2020,&nbsp;Đồng chí <b>Bạch Văn Nguyên</b> chủ trì cuộc họp.</p>"
        "<h3>Kết quả</h3>"
        '<p><img src="/uploads/hop.jpg" alt="Cuộc họp"></p><p><i>Ảnh: Cuộc họp</i></p>'
        '<p>Xem <a href="/uploads/qd.pdf">quyết định</a>.</p>'
        '<p><a href="/uploads/qd.pdf">Quyết định 12</a></p>'
        "<table><tr><th>STT</th><th>Nội dung</th></tr><tr><td>1</td><td>Tin bài</td></tr></table>"
        "<blockquote>Trích dẫn</blockquote>"
    )
    blocks, warnings = html_to_blocks(
        html, base_url=BASE, resolve_image=lambda src: image, resolve_file=lambda href: document
    )
    assert warnings == []
    # What a form would check: the stream data is valid for the body block.
    NewsBodyBlock().clean(NewsBodyBlock().to_python(blocks))
    article = publish_article(commune_a, title="Họp trang tin", slug="hop-trang-tin", body=blocks)
    article.refresh_from_db()
    assert [child.block_type for child in article.body] == [
        "paragraph",
        "heading",
        "image",
        "paragraph",
        "attachment",
        "table",
        "quote",
    ]
    response = article.serve(_request(commune_a, article))
    response.render()
    content = response.content.decode()
    assert "Bạch Văn Nguyên" in content
    assert "Ảnh: Cuộc họp" in content
    assert document.url in content
    assert "<table" in content and "Tin bài" in content
    assert news_index(commune_a).get_children().filter(pk=article.pk).exists()


def _request(unit, page):
    request = RequestFactory().get(page.url, HTTP_HOST=unit.site.hostname)
    request.user = AnonymousUser()
    return request
