/* Vietnamese slugs for new pages.
 *
 * Wagtail's title-to-slug sync transliterates with a table that has no Vietnamese letters and maps
 * "đ" to "dj" (Serbian), so "Lịch tiếp công dân" became "lch-tip-cong-dan". For pages whose slug is
 * still empty (or still follows the title), this writes the slug the Vietnamese way: strip the
 * diacritics, đ → d. An editor who types a slug keeps it.
 */
(function () {
  function viSlug(text) {
    return text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 255);
  }
  window.portalViSlug = viSlug;

  function setup() {
    var title = document.getElementById('id_title');
    var slug = document.getElementById('id_slug');
    if (!title || !slug) return;
    var auto = !slug.value || slug.value === viSlug(title.value);
    slug.addEventListener('input', function (event) {
      if (event.isTrusted) auto = false; // the editor typed their own slug
    });
    function sync() {
      if (!auto) return;
      // after Wagtail's own (debounced) sync, so that ours is the value that stays
      window.setTimeout(function () {
        if (auto) slug.value = viSlug(title.value);
      }, 350);
    }
    ['input', 'change', 'blur'].forEach(function (name) {
      title.addEventListener(name, sync);
    });
    var form = title.form;
    if (form) {
      form.addEventListener(
        'submit',
        function () {
          if (auto) slug.value = viSlug(title.value);
        },
        true,
      );
    }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', setup);
  else setup();
})();
