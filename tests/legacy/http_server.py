"""A small local HTTP server for importer tests: serves a folder of legacy-looking pages from 127.0.0.1.

``{{ORIGIN}}`` in served text files becomes the server's own origin (``http://127.0.0.1:PORT``) and
``{{OTHER}}`` another origin for the same server (``http://localhost:PORT``): same machine, a host name the
import config does not allow. ``routes`` adds answers that are not files: ``{"/path?query": (status,
headers, body)}``; ``files`` adds generated bodies (pictures, PDFs) by path.
"""

import mimetypes
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit


class LegacySite:
    def __init__(self, root, *, files=None, routes=None):
        self.root = Path(root)
        self.files = dict(files or {})
        self.routes = dict(routes or {})
        self.requests = []  # (method, path, headers) of every request, in order
        self.server = None

    @property
    def port(self):
        return self.server.server_address[1]

    @property
    def origin(self):
        return f"http://127.0.0.1:{self.port}"

    @property
    def other_origin(self):
        return f"http://localhost:{self.port}"

    def url(self, path):
        return f"{self.origin}{path}"

    def fill(self, text):
        return text.replace("{{ORIGIN}}", self.origin).replace("{{OTHER}}", self.other_origin)

    def answer(self, path_with_query):
        """``(status, headers, body)`` for a request path."""
        if path_with_query in self.routes:
            status, headers, body = self.routes[path_with_query]
            body = self.fill(body) if isinstance(body, str) else body
            headers = {k: self.fill(v) for k, v in headers.items()}
            return status, headers, body.encode() if isinstance(body, str) else body
        path = unquote(urlsplit(path_with_query).path)
        if path in self.files:
            body, content_type = self.files[path]
            return 200, {"Content-Type": content_type}, body
        file = (self.root / path.lstrip("/")).resolve()
        if not file.is_relative_to(self.root.resolve()) or not file.is_file():
            return 404, {"Content-Type": "text/html; charset=utf-8"}, b"<h1>404 Not Found</h1>"
        content_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        body = file.read_bytes()
        if content_type.startswith("text/") or content_type.endswith("xml"):
            body = self.fill(body.decode("utf-8")).encode("utf-8")
            content_type += "; charset=utf-8"
        return 200, {"Content-Type": content_type}, body

    @contextmanager
    def running(self):
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's name)
                site.requests.append(("GET", self.path, dict(self.headers)))
                status, headers, body = site.answer(self.path)
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self.server.shutdown()
            self.server.server_close()
            thread.join(timeout=5)

    def paths_requested(self):
        return [path for _method, path, _headers in self.requests]
