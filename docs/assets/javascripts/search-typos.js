/* Typo-tolerant search: the page's half (search-typos-worker.js is the worker's half).

   Runs before lazy-search.js and Material's bundle. When Material starts its search worker,
   this starts search-typos-worker.js instead and tells it where Material's worker is; that
   file loads Material's worker into itself and corrects misspelled query words. Material
   keeps talking to the worker as to its own (same messages), so lazy loading (lazy-search.js
   holds back this constructor until first use) and the offline copy (iframe-worker's
   stand-in for Worker) work unchanged.

   When a query was searched with corrected words, the worker's result says so, and this
   shows it under Material's "N matching documents": "Showing results for Kenneth Stanley
   (no exact match for “Stenley”)", the corrected word emphasised.

   Written against Material for MkDocs 9.8.2: its worker file is
   assets/javascripts/workers/search.<hash>.min.js, and the result list's header is
   .md-search-result__meta (partials/search.html). */
(function () {
  "use strict";
  var MATERIAL_WORKER = /(^|\/)workers\/search\.[^/?#]*$/;
  var Native = window.Worker;
  if (!Native) return;

  window.Worker = function (url, options) {
    if (!MATERIAL_WORKER.test(String(url))) return new Native(url, options);
    var worker = new Native(String(url).replace(MATERIAL_WORKER, "$1search-typos-worker.js"), options);
    worker.postMessage({ type: "summit:material-worker", url: new URL(url, document.baseURI).href });
    worker.addEventListener("message", function (event) {
      if (event.data && event.data.type === 3) {
        show(event.data.data.typos);
        anchors = (event.data.data.items || []).map(function (group) { return (group[0] && group[0].anchor) || ""; });
      }
    });
    follow();
    return worker;
  };

  /* Each result is one card per page (search-typos-worker.js), which Material links to the
     page; the card names the section that matched best, so its link goes there: the
     section's anchor, in the order of the results, is added to each card's link as Material
     renders it (ten at once, then more on scrolling). Runs before Material's own handler of
     the same message, which empties the list and renders the new results. */
  var anchors = [];
  function follow() {
    var list = document.querySelector(".md-search-result__list");
    if (!list || list.summitFollowed) return;
    list.summitFollowed = true;
    new MutationObserver(function () {
      Array.prototype.forEach.call(list.children, function (item, i) {
        var link = item.querySelector("a.md-search-result__link");
        if (!link || !anchors[i] || link.hash) return;
        link.hash = anchors[i];
      });
    }).observe(list, { childList: true });
  }

  var note = null;

  /* The note sits between Material's header and list, which Material looked up once, when
     it mounted the search (by :first-child and :last-child), so it does not move them. */
  function show(typos) {
    if (!note) {
      var meta = document.querySelector(".md-search-result__meta");
      if (!meta) return;
      note = document.createElement("p");
      note.className = "summit-search-typos";
      note.setAttribute("aria-live", "polite");
      meta.after(note);
    }
    note.hidden = !typos;
    note.textContent = "";
    if (!typos) return;
    note.append("Showing results for ");
    typos.segments.forEach(function (segment) {
      if (!segment.typed) return note.append(segment.text);
      var corrected = document.createElement("strong");
      corrected.textContent = segment.shown || segment.text;   /* the whole word the results use */
      note.append(corrected);
    });
    var typed = typos.segments.filter(function (s) { return s.typed; })
      .map(function (s) { return "“" + s.typed + "”"; });
    note.append(" (no exact match for " + typed.join(", ") + ")");
  }
})();
