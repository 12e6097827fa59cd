/* The site's search page: Pagefind's index with the site's own ranking (docs/design.md,
   "Search"; benchmarks/search.py measures it). Loaded by the search page only. */
(function () {
  "use strict";
  var root = document.getElementById("sb-search");
  if (!root) return;
  var text = root.dataset;
  var PAGE = 5;  // results shown at once, and each "more"
  // A title, and the search-only words counted as a title ("sbt", see
  // site_builder/output/search.py), weigh far more than body text; how often a word occurs
  // counts a little less than by default (termFrequency 1), a page's length a little more
  // (pageLength 0.75). Tuned on benchmarks/search.py.
  var RANKING = {metaWeights: {title: 80, sbt: 80, sb: 1}, termFrequency: 0.7, pageLength: 0.9};
  var loading = null;

  function pagefind() {
    if (!loading) {
      // the bundle's address is relative to the page, not to this script (a sub-path site)
      loading = import(new URL(text.bundle + "pagefind.js", document.baseURI).href);
    }
    return loading;
  }

  function hasMarks(query) {  // typed with Vietnamese marks (or đ): "bản", not "ban"
    return /đ/i.test(query) || /\p{M}/u.test(query.normalize("NFD"));
  }

  // "hoà" and "hòa" are one word written two ways (the tone on either vowel of oa, oe, uy
  // ending a syllable); Pagefind's exact search tells them apart, so the query is given the
  // newer placement, which the site's pages use, before it.
  function newerPlacement(term) {
    return term.normalize("NFD")
      .replace(/(?<![qQ])([oO][aAeE]|[uU][yY])([\u0300\u0301\u0303\u0309\u0323])(?!\p{L})/gu,
        function (_, pair, tone) { return pair[0] + tone + pair[1]; })
      .normalize("NFC");
  }

  async function search(module, term, exact) {
    // every option each time: before Pagefind starts, a call replaces the previous ones
    await module.options({ranking: RANKING, exactDiacritics: exact});
    return (await module.search(term)).results;
  }

  function merge(lists) {  // by score, each page once
    var seen = {};
    var all = [].concat.apply([], lists).sort(function (a, b) { return b.score - a.score; });
    return all.filter(function (r) { return seen[r.id] ? false : (seen[r.id] = true); });
  }

  // A word mistyped ("thnah", "hao") makes Pagefind, which needs every word, find little or
  // nothing: then the query is also run without each of its words in turn, and the best of
  // those (by the score of its first result) joins the results.
  async function tolerant(module, term, results) {
    var words = term.split(/\s+/).filter(Boolean);
    if (results.length >= 3 || words.length < 2) return results;
    var best = [];
    for (var i = 0; i < words.length; i++) {
      var shorter = words.slice(0, i).concat(words.slice(i + 1)).join(" ");
      var found = await search(module, shorter, false);
      if (found.length && (!best.length || found[0].score > best[0].score)) best = found;
    }
    return merge([results, best]);
  }

  // The pages that hold the words as typed, marks included, come first: "bản" finds the
  // pages with "bản" before those with "bạn" or "ban" (which it still finds, below).
  async function rank(query) {
    var module = await pagefind();
    var term = query.trim();
    var results = await tolerant(module, term, await search(module, term, false));
    if (hasMarks(term)) {
      var exact = {};
      (await search(module, newerPlacement(term), true)).forEach(function (r) {
        exact[r.id] = true;
      });
      results = results.filter(function (r) { return exact[r.id]; })
        .concat(results.filter(function (r) { return !exact[r.id]; }));
    }
    return results;
  }

  // The benchmark and the tests call the same search, without the interface.
  window.sbSearch = async function (query, depth) {
    var results = (await rank(query)).slice(0, depth || PAGE);
    var data = await Promise.all(results.map(function (r) { return r.data(); }));
    return data.map(function (d) { return d.url; });
  };

  // Pagefind's excerpt is page text with <mark> around the words found: keep just that.
  function excerpt(html) {
    var parsed = document.createElement("template");
    parsed.innerHTML = html;
    var out = document.createElement("p");
    out.className = "sb-search-excerpt";
    parsed.content.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(node.textContent));
      }
    });
    return out;
  }

  var form = root.querySelector("form");
  var input = root.querySelector("input");
  var status = root.querySelector("[role=status]");
  var list = root.querySelector("ol");
  var more = root.querySelector("button.sb-search-more");
  var current = [];
  var shown = 0;
  var asked = 0;

  async function showMore(ticket) {
    var batch = current.slice(shown, shown + PAGE);
    var data = await Promise.all(batch.map(function (r) { return r.data(); }));
    if (ticket !== asked) return;
    data.forEach(function (d) {
      var item = document.createElement("li");
      item.className = "sb-search-result";
      var link = document.createElement("a");
      link.href = d.url;
      link.textContent = (d.meta && d.meta.title) || d.url;
      var heading = document.createElement("h2");
      heading.appendChild(link);
      item.appendChild(heading);
      item.appendChild(excerpt(d.excerpt));
      list.appendChild(item);
    });
    shown += batch.length;
    more.hidden = shown >= current.length;
  }

  async function run(query) {
    var ticket = ++asked;
    list.textContent = "";
    more.hidden = true;
    if (!query.trim()) { status.textContent = ""; return; }
    status.textContent = text.searching;
    var results = await rank(query);
    if (ticket !== asked) return;
    current = results;
    shown = 0;
    var message = results.length ? text.found : text.none;
    status.textContent = message.replace("{n}", results.length).replace("{q}", query.trim());
    await showMore(ticket);
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(input.value); }, 250);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    run(input.value);
  });
  more.addEventListener("click", function () { showMore(asked); });
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) { input.value = query; run(query); }
})();
