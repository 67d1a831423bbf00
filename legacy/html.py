"""Clean legacy portal HTML into NewsBodyBlock stream data.

Both importers (NukeViet's database rows and pages scraped over HTTP) hand their article HTML to
``html_to_blocks``; what comes out is raw StreamField data (``[{"type", "value", "id"}]``) that
``NewsArticlePage.body`` (and any page using ``home.blocks.BaseStreamBlock`` types) accepts.

Structure is read with BeautifulSoup (lxml parser, which copes with broken markup); the text of
paragraphs goes through Wagtail's own rich-text whitelister for the paragraph block's features, so
nothing the editor could not have produced ends up in the database.
"""

import json
import re
import uuid
from html import unescape
from urllib.parse import urljoin, urlsplit

from django.utils.translation import gettext as _

from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from bs4.element import PreformattedString

from news.blocks import NewsBodyBlock

# Files a link may point to that we bring in as documents (attachment block or document link).
FILE_EXTENSIONS = frozenset(
    [
        "pdf",
        "doc",
        "docx",
        "xls",
        "xlsx",
        "ppt",
        "pptx",
        "odt",
        "ods",
        "odp",
        "rtf",
        "txt",
        "csv",
        "zip",
        "rar",
        "7z",
    ]
)
# Dropped with everything inside them.
DROP_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "form",
        "input",
        "button",
        "select",
        "textarea",
        "option",
        "label",
        "object",
        "embed",
        "applet",
        "iframe",
        "frame",
        "frameset",
        "link",
        "meta",
        "base",
        "head",
        "title",
        "svg",
        "canvas",
        "audio",
        "video",
        "map",
        "area",
        "xml",
        "nav",
    ]
)
HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# Our heading block offers h2-h4: the page title is the h1, deeper levels collapse into h4.
HEADING_LEVELS = {"h1": "h2", "h2": "h2", "h3": "h3", "h4": "h4", "h5": "h4", "h6": "h4"}
BLOCK_CONTAINERS = frozenset(
    [
        "div",
        "section",
        "article",
        "main",
        "aside",
        "header",
        "footer",
        "center",
        "blockquote",
        "figure",
        "body",
        "html",
        "dl",
        "dd",
        "dt",
        "fieldset",
        "address",
        "details",
        "summary",
    ]
)
INLINE_PARAGRAPH_TAGS = frozenset(("p", "pre"))
LIST_TAGS = frozenset(("ul", "ol"))
VIDEO_RE = re.compile(
    r"^(?:https?:)?//(?:www\.)?(?:youtube(?:-nocookie)?\.com/embed/([\w-]{6,})|player\.vimeo\.com/video/(\d+))"
)
CAPTION_PREFIX_RE = re.compile(r"^\(?(?:ảnh|photo|hình)\s*(?:minh họa)?\s*:", re.IGNORECASE)
WHITESPACE_RE = re.compile(r"[\s\u00a0\u200b\ufeff]+")
# Word's "downlevel-revealed" conditional markers survive some parsers as text.
WORD_CONDITIONAL_RE = re.compile(r"<!\[(?:if[^\]]*|endif)\]>", re.IGNORECASE)
EMPTY_PARAGRAPH_RE = re.compile(r"<p>(?:\s|<br/?>)*</p>")
BR_RUN_RE = re.compile(r"(?:<br/?>\s*){2,}")
LEADING_BR_RE = re.compile(r"<p>(?:\s|<br/?>)+")
TRAILING_BR_RE = re.compile(r"(?:\s|<br/?>)+</p>")

_body_block = NewsBodyBlock()
PARAGRAPH_FEATURES = list(_body_block.child_blocks["paragraph"].features or [])
HEADING_MAX = _body_block.child_blocks["heading"].child_blocks["text"].field.max_length or 255
CAPTION_MAX = _body_block.child_blocks["image"].child_blocks["caption"].field.max_length or 500
_converter = EditorHTMLConverter(features=PARAGRAPH_FEATURES)


def normalise_space(text):
    """Collapse whitespace (non-breaking spaces included) into single spaces and strip."""
    return WHITESPACE_RE.sub(" ", text or "").strip()


def html_to_text(value):
    """Plain text of an HTML fragment or entity-encoded string ("NukeViet&#33;" -> "NukeViet!")."""
    if not value:
        return ""
    if "<" not in value:
        return normalise_space(unescape(value))
    soup = BeautifulSoup(WORD_CONDITIONAL_RE.sub("", value), "lxml")
    for tag in soup.find_all(DROP_TAGS):
        tag.decompose()
    return normalise_space(soup.get_text(" "))


def caption_text(node):
    """The text of ``node`` when it reads as a caption (short, all italic or "Ảnh: ..."), else ""."""
    if not isinstance(node, Tag) or node.find(["img", "table"]):
        return ""
    text = normalise_space(node.get_text(" "))
    if not text or len(text) > CAPTION_MAX:
        return ""
    italic = node.find(["em", "i"])
    if (italic and normalise_space(italic.get_text(" ")) == text) or CAPTION_PREFIX_RE.match(text):
        return text
    return ""


def file_extension(url):
    path = urlsplit(url).path
    return path.rsplit(".", 1)[-1].lower() if "." in path.rsplit("/", 1)[-1] else ""


def is_file_url(url):
    return file_extension(url) in FILE_EXTENSIONS


def _new_block(block_type, value):
    return {"type": block_type, "value": value}


BLOCK_ID_NAMESPACE = uuid.UUID("8d6f1f3e-3c1b-4a51-9a43-6f0d2b7c1e21")


def assign_ids(blocks):
    """Give each block a stable id (from its position and content): converting the same HTML twice
    yields the same stream data, so an importer's checksum of it does not change between runs."""
    for index, block in enumerate(blocks):
        content = json.dumps([index, block["type"], block["value"]], sort_keys=True, default=str)
        block["id"] = str(uuid.uuid5(BLOCK_ID_NAMESPACE, content))
    return blocks


class _Converter:
    def __init__(self, base_url, resolve_image, resolve_file):
        self.base_url = base_url or ""
        self.resolve_image = resolve_image
        self.resolve_file = resolve_file
        self.blocks = []
        self.warnings = []
        self.inline = []  # HTML strings of the paragraph being gathered
        self.files = {}  # url -> Document | None, so a file linked twice is fetched once
        self.images = {}

    # -- helpers -----------------------------------------------------------------------------

    def absolute(self, url):
        url = (url or "").strip()
        if not url:
            return ""
        try:
            return urljoin(self.base_url, url) if self.base_url else url
        except ValueError:
            return ""

    def warn(self, message):
        if message not in self.warnings:
            self.warnings.append(message)

    def get_image(self, src):
        if src not in self.images:
            image = self.resolve_image(src) if self.resolve_image else None
            if image is None:
                self.warn(_("image missing: %(url)s") % {"url": src})
            self.images[src] = image
        return self.images[src]

    def get_file(self, href):
        if href not in self.files:
            document = self.resolve_file(href) if self.resolve_file else None
            if document is None:
                self.warn(_("file missing: %(url)s") % {"url": href})
            self.files[href] = document
        return self.files[href]

    # -- paragraphs ----------------------------------------------------------------------------

    def flush(self):
        """Turn the gathered inline HTML into (part of) a paragraph block."""
        if not self.inline:
            return
        html = "".join(self.inline)
        self.inline = []
        html = _clean_rich_text(html)
        if not html:
            return
        last = self.blocks[-1] if self.blocks else None
        if last and last["type"] == "paragraph":
            # Consecutive paragraphs share one rich-text block, as an editor would write them.
            last["value"] += html
        else:
            self.blocks.append(_new_block("paragraph", html))

    def add_paragraph(self, html):
        self.flush()
        self.inline.append(html)
        self.flush()

    # -- tree walk -------------------------------------------------------------------------------

    def walk(self, node):
        for child in list(node.children):
            self.visit(child)

    def visit(self, node):
        if isinstance(node, PreformattedString):  # comments, doctypes, CDATA, <?...?>
            return
        if isinstance(node, NavigableString):
            self.inline.append(_escape_text(str(node)))
            return
        if not isinstance(node, Tag):
            return
        name = node.name
        if name in HEADING_TAGS:
            self.heading(node)
        elif name == "img":
            self.flush()
            self.image(node)
        elif name == "table":
            self.flush()
            self.table(node)
        elif name in LIST_TAGS:
            self.flush()
            self.lists(node)
        elif name == "blockquote":
            self.flush()
            self.quote(node)
        elif name == "figure":
            self.flush()
            self.figure(node)
        elif name in INLINE_PARAGRAPH_TAGS:
            self.flush()
            self.paragraph(node)
        elif name in BLOCK_CONTAINERS or name in ("tbody", "thead", "tr", "td", "th", "li"):
            # Nested divs (and layout tables) are flattened: only their content counts.
            self.flush()
            self.walk(node)
            self.flush()
        elif name == "hr":
            self.flush()
        elif name == "x-video":
            self.video(node)
        elif name == "a":
            self.link(node)
        elif name == "br":
            self.inline.append("<br/>")
        else:
            # Inline formatting (span, font, b, st1:place...): keep images found inside apart.
            if node.find("img") or node.find([*HEADING_TAGS, "table", "p", "div"]):
                self.walk(node)
            else:
                self.inline.append(self.inline_html(node))

    def paragraph(self, node):
        if node.find(["img", "table", "div", "ul", "ol", "blockquote"] + list(HEADING_TAGS)):
            self.walk(node)
            self.flush()
            return
        links = [a for a in node.find_all("a", href=True) if self._file_href(a)]
        text = normalise_space(node.get_text(" "))
        if self._is_caption(node, text):
            self.blocks[-1]["value"]["caption"] = text
            return
        if len(links) == 1 and text and normalise_space(links[0].get_text(" ")) == text:
            # A paragraph that is only a link to a file becomes a download card.
            self.attachment(links[0])
            return
        self.add_paragraph(f"<p>{self.inline_html(node, outer=False)}</p>")

    def _is_caption(self, node, text):
        """A short italic (or centred "Ảnh: ...") line right after a picture is its caption."""
        if self.inline or not self.blocks or not text or len(text) > CAPTION_MAX:
            return False
        last = self.blocks[-1]
        if last["type"] != "image" or last["value"]["caption"]:
            return False
        return bool(caption_text(node))

    def inline_html(self, node, *, outer=True):
        """HTML of an inline node with links made absolute (the whitelister does the rest)."""
        node = _copy(node)
        anchors = [node] if node.name == "a" else []
        anchors += node.find_all("a")
        for anchor in anchors:
            self._rewrite_anchor(anchor)
        return str(node) if outer else node.decode_contents()

    def _file_href(self, anchor):
        href = self.absolute(anchor.get("href"))
        return href if href and urlsplit(href).scheme in ("http", "https") and is_file_url(href) else ""

    def _rewrite_anchor(self, anchor):
        href = self.absolute(anchor.get("href"))
        scheme = urlsplit(href).scheme.lower() if href else ""
        if not href or href.startswith("#") or scheme not in ("http", "https", "mailto", "tel"):
            anchor.attrs = {}  # javascript:, data:, empty: the whitelister unwraps a bare <a>
            return
        if scheme in ("http", "https") and is_file_url(href):
            document = self.get_file(href)
            if document is None:
                anchor.attrs = {}
            else:
                anchor.attrs = {"data-linktype": "document", "data-id": str(document.pk)}
            return
        anchor.attrs = {"href": href}

    def link(self, node):
        if node.find("img"):
            # <a href="big.jpg"><img src="thumb.jpg"></a>: the picture is what matters.
            self.walk(node)
            return
        self.inline.append(self.inline_html(node))

    def attachment(self, anchor):
        href = self._file_href(anchor)
        document = self.get_file(href)
        title = normalise_space(anchor.get_text(" "))[:255]
        if document is None:
            if title:
                self.add_paragraph(f"<p>{_escape_text(title)}</p>")
            return
        self.flush()
        self.blocks.append(_new_block("attachment", {"document": document.pk, "title": title}))

    # -- other blocks ------------------------------------------------------------------------

    def heading(self, node):
        self.flush()
        for img in node.find_all("img"):
            self.image(img)
        text = normalise_space(node.get_text(" "))
        if not text:
            return
        if len(text) > HEADING_MAX:
            self.add_paragraph(f"<p><b>{_escape_text(text)}</b></p>")
            return
        level = HEADING_LEVELS[node.name]
        self.blocks.append(_new_block("heading", {"text": text, "level": level}))

    def image(self, node, caption=""):
        src = (node.get("src") or node.get("data-src") or "").strip()
        if not src or src.startswith("data:"):
            return
        src = self.absolute(src)
        if urlsplit(src).scheme not in ("http", "https", "file", ""):
            return
        alt = normalise_space(node.get("alt") or node.get("title") or "")
        image = self.get_image(src)
        if image is None:
            return
        caption = (caption or "")[:CAPTION_MAX]
        alt_text = alt or caption or getattr(image, "default_alt_text", "") or image.title
        self.flush()
        self.blocks.append(
            _new_block(
                "image",
                {
                    "image": {"image": image.pk, "alt_text": alt_text[:255], "decorative": False},
                    "caption": caption,
                    "credit": "",
                },
            )
        )

    def figure(self, node):
        figcaption = node.find("figcaption")
        caption = normalise_space(figcaption.get_text(" ")) if figcaption else ""
        if figcaption:
            figcaption.extract()
        images = node.find_all("img")
        if len(images) == 1:
            for child in list(node.children):
                if isinstance(child, Tag) and (child is images[0] or images[0] in child.descendants):
                    self.image(images[0], caption=caption)
                else:
                    self.visit(child)
            self.flush()
            return
        self.walk(node)
        if caption:
            self.add_paragraph(f"<p>{_escape_text(caption)}</p>")

    def lists(self, node):
        if node.find(["img", "table"] + list(HEADING_TAGS)):
            self.walk(node)
            self.flush()
            return
        self.add_paragraph(self.inline_html(node))

    def quote(self, node):
        if node.find(["img", "table"]):
            self.walk(node)
            self.flush()
            return
        parts = [
            normalise_space(p.get_text(" ")) for p in node.find_all(["p", "div"]) if not p.find(["p", "div"])
        ]
        text = "\n".join(p for p in parts if p) or normalise_space(node.get_text(" "))
        if text:
            self.blocks.append(_new_block("quote", text))

    def table(self, node):
        rows = _own_rows(node)
        if _is_layout_table(node, rows):
            self.walk_table_cells(rows)
            return
        grid = []
        spans = {}  # (row, col) -> text carried down by rowspan
        header = False
        for r, row in enumerate(rows):
            cells = list(row.find_all(["td", "th"], recursive=False))
            if r == 0:
                header = bool(row.find_parent("thead")) or all(_is_header_cell(c) for c in cells)
            line = []
            col = 0
            for cell in cells:
                while (r, col) in spans:
                    line.append(spans.pop((r, col)))
                    col += 1
                text = normalise_space(cell.get_text(" "))
                colspan = _span(cell.get("colspan"))
                rowspan = _span(cell.get("rowspan"))
                for i in range(colspan):
                    line.append(text if i == 0 else "")
                    for down in range(1, rowspan):
                        spans[(r + down, col + i)] = ""
                col += colspan
            while (r, col) in spans:
                line.append(spans.pop((r, col)))
                col += 1
            grid.append(line)
        grid = [line for line in grid if any(line)]
        if not grid:
            return
        width = max(len(line) for line in grid)
        grid = [line + [""] * (width - len(line)) for line in grid]
        caption = node.find("caption")
        self.blocks.append(
            _new_block(
                "table",
                {
                    "data": grid,
                    "first_row_is_table_header": header,
                    "first_col_is_header": False,
                    "table_caption": normalise_space(caption.get_text(" "))[:255] if caption else "",
                    "cell": [],
                    "mergeCells": [],
                },
            )
        )

    def walk_table_cells(self, rows):
        for row in rows:
            for cell in row.find_all(["td", "th"], recursive=False):
                self.flush()
                self.walk(cell)
                self.flush()

    def video(self, node):
        match = VIDEO_RE.match((node.get("src") or "").strip())
        if not match:
            return False
        if match.group(1):
            url = f"https://www.youtube.com/watch?v={match.group(1)}"
        else:
            url = f"https://vimeo.com/{match.group(2)}"
        self.flush()
        self.blocks.append(_new_block("video", url))
        return True


def _is_header_cell(cell):
    """A <th>, or a cell whose text is all bold (Word writes header rows so)."""
    if cell.name == "th":
        return True
    text = normalise_space(cell.get_text(" "))
    bold = " ".join(normalise_space(b.get_text(" ")) for b in cell.find_all(["b", "strong"]))
    return bool(text) and normalise_space(bold) == text


def _own_rows(table):
    rows = []
    for child in table.children:
        if not isinstance(child, Tag):
            continue
        if child.name == "tr":
            rows.append(child)
        elif child.name in ("thead", "tbody", "tfoot"):
            rows.extend(r for r in child.children if isinstance(r, Tag) and r.name == "tr")
    return rows


def _is_layout_table(table, rows):
    """Tables used for page layout (one column, nested tables, pictures, headings) are flattened."""
    if not rows:
        return True
    if table.find("table") or table.find(["img", "ul", "ol"] + list(HEADING_TAGS)):
        return True
    widths = [sum(_span(c.get("colspan")) for c in r.find_all(["td", "th"], recursive=False)) for r in rows]
    if max(widths) < 2:
        return True
    # Cells holding several paragraphs of prose are layout, not data.
    return any(len(cell.find_all(["p", "div"])) > 3 for row in rows for cell in row.find_all(["td", "th"]))


def _span(value):
    try:
        return max(1, min(int(str(value).strip()), 50))
    except (TypeError, ValueError):
        return 1


def _copy(node):
    return BeautifulSoup(str(node), "html.parser").contents[0] if str(node) else node


def _escape_text(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _clean_rich_text(html):
    """Whitelist an HTML fragment for the paragraph block; '' when nothing readable is left."""
    if not html.strip():
        return ""
    if not html.lstrip().startswith(("<p>", "<ul>", "<ol>", "<p ")):
        html = f"<p>{html}</p>"
    cleaned = _converter.to_database_format(html)
    soup = BeautifulSoup(cleaned, "html.parser")
    for anchor in soup.find_all("a"):
        if not anchor.attrs:
            anchor.unwrap()
    for tag in soup.find_all(["b", "strong", "i", "em"]):
        if not tag.get_text(strip=True):
            tag.unwrap()
    for text in soup.find_all(string=True):
        collapsed = WHITESPACE_RE.sub(" ", str(text))
        if collapsed != str(text):
            text.replace_with(collapsed)
    cleaned = soup.decode(formatter=_escape_formatter)
    cleaned = BR_RUN_RE.sub("</p><p>", cleaned)
    cleaned = LEADING_BR_RE.sub("<p>", cleaned)
    cleaned = TRAILING_BR_RE.sub("</p>", cleaned)
    cleaned = re.sub(r"<p> +", "<p>", cleaned)
    cleaned = re.sub(r" +</p>", "</p>", cleaned)
    cleaned = re.sub(r"<li> +", "<li>", cleaned)
    cleaned = re.sub(r" +</li>", "</li>", cleaned)
    cleaned = EMPTY_PARAGRAPH_RE.sub("", cleaned)
    cleaned = re.sub(r"<li>\s*</li>", "", cleaned)
    cleaned = re.sub(r"<(ul|ol)>\s*</\1>", "", cleaned)
    if not BeautifulSoup(cleaned, "html.parser").get_text(strip=True):
        return ""
    return cleaned.strip()


def _escape_formatter(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def html_to_blocks(html, *, base_url="", resolve_image=None, resolve_file=None):
    """Clean legacy HTML into ``NewsBodyBlock`` raw stream data.

    ``resolve_image(url) -> Image | None`` and ``resolve_file(url) -> Document | None`` are called
    with absolute URLs (or the raw path when there is no ``base_url``) and bring the picture or
    file in (or refuse it). Returns ``(blocks, warnings)``: warnings are short (translated) strings
    such as ``"image missing: https://old.example/uploads/a.jpg"`` for the import report.

    Decisions: a missing image is dropped (its alt text would make a poor paragraph); a missing
    file keeps its link text as plain text; a paragraph that is only a file link becomes an
    ``attachment`` block, a file link inside text becomes a rich-text document link; layout
    tables and nested divs are flattened; YouTube/Vimeo iframes become ``video`` blocks.
    """
    if not html or not html.strip():
        return [], []
    soup = BeautifulSoup(WORD_CONDITIONAL_RE.sub("", html), "lxml")
    converter = _Converter(base_url, resolve_image, resolve_file)
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for iframe in soup.find_all("iframe"):
        iframe.name = "x-iframe"  # keep for the video check below, out of DROP_TAGS
    for tag in soup.find_all(DROP_TAGS):
        tag.decompose()
    for iframe in soup.find_all("x-iframe"):
        src = (iframe.get("src") or "").strip()
        if VIDEO_RE.match(src):
            iframe.name = "x-video"
        else:
            iframe.decompose()
    for tag in soup.find_all(True):
        # Namespaced Word tags (o:p, w:*, st1:*) carry nothing worth keeping but their text.
        if ":" in tag.name and tag.name != "x-video":
            if tag.name == "o:p" and not tag.get_text(strip=True):
                tag.decompose()
            else:
                tag.unwrap()
    converter.walk(soup.body or soup)
    converter.flush()
    return assign_ids(converter.blocks), converter.warnings
