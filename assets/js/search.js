// The search page: Pagefind's UI in #sb-search, with the query of `?q=` run at once.
// A file, not an inline script, so that the pages' Content-Security-Policy allows no inline
// script; the page gives the bundle's address and the box's label as data attributes.
(function () {
  var box = document.getElementById("sb-search");
  if (!box || typeof PagefindUI === "undefined") return;
  // Absolute, from this page's address: Pagefind imports its bundle relative to its own
  // script, and its results' paths are from the site root, so under a sub-path base URL
  // (https://host/tam-duong/) relative paths would miss both.
  var bundle = new URL(box.dataset.bundle, document.baseURI);
  var ui = new PagefindUI({
    element: "#sb-search",
    bundlePath: bundle.href,
    baseUrl: bundle.pathname.replace(/pagefind\/$/, ""),
    showImages: false,
    showSubResults: true,
    autofocus: true
  });
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);
  (function label() {  // Pagefind's box has a placeholder only; give it a real label
    var input = document.querySelector(".pagefind-ui__search-input");
    if (input) input.setAttribute("aria-label", box.dataset.label);
    else requestAnimationFrame(label);
  })();
})();
