// The article's "Print" button: a file of our own, not an inline script, so the page needs no CSP nonce and
// can be served from the page cache (sites/page_cache.py).
document.addEventListener("DOMContentLoaded", function () {
  var button = document.getElementById("print-button");
  if (button) {
    button.addEventListener("click", function () { window.print(); });
  }
});
