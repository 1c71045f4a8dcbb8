/* The glossary's tooltips (Material's content.tooltips on the <abbr> the abbr extension writes).
   - Material shows an element's title when it is hovered or focused, but an <abbr> cannot take
     focus on its own. The first use of each term on a page is made focusable (tabindex="0"), so
     a keyboard reader can decode every term without tabbing through each repeat ("empowerment"
     appears twenty times on one page). Abbreviations in links are skipped: the build removes
     them, the link is the focus stop there.
   - A figure's source (partials/figure-link.html) is a link to a hidden element, for Material's
     footnote tooltip to show: following it would go nowhere. A click or a tap (and Enter) gives
     the figure focus instead, which shows its source.
   - Material appends each tooltip to <body>, outside every landmark, and it only repeats the
     host's description (the host points to it with aria-describedby, which still works on
     hidden nodes). Hide it from the accessibility tree, so a screen reader does not meet the
     same text again, out of context, at the end of the page. */
(function () {
  "use strict";

  function makeFirstUsesFocusable() {
    var seen = {};
    var abbrs = document.querySelectorAll(".md-content abbr[title]");
    Array.prototype.forEach.call(abbrs, function (abbr) {
      var term = abbr.textContent;
      if (seen[term] || abbr.closest("a")) return;
      seen[term] = true;
      abbr.setAttribute("tabindex", "0");
    });
  }

  function hideTooltipCopies() {
    var tips = document.querySelectorAll('body > .md-tooltip2[role="tooltip"]:not([aria-hidden])');
    Array.prototype.forEach.call(tips, function (tip) { tip.setAttribute("aria-hidden", "true"); });
  }

  document.addEventListener("click", function (event) {
    var figure = event.target.closest && event.target.closest("a[data-figure-source]");
    if (!figure) return;
    event.preventDefault();
    figure.focus();
  });

  /* Material's document$ emits on load and again after instant navigation swaps the page. */
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(makeFirstUsesFocusable);
  } else {
    makeFirstUsesFocusable();
  }
  /* Tooltips are inserted when first shown: hide each in the same task it appears. */
  new MutationObserver(hideTooltipCopies).observe(document.body, { childList: true });
})();
