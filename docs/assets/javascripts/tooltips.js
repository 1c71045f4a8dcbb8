/* The glossary's tooltips (Material's content.tooltips on the <abbr> the abbr extension writes).
   - Material shows an element's title when it is hovered or focused, but an <abbr> cannot take
     focus on its own. The build explains a term once, at its first use in each section
     (summit/markdown_ext/abbr_scope.py), and each of those is made focusable (tabindex="0"): a
     keyboard reader who jumps to a section meets the explanation there, as a pointer does.
     A link holds none (the build unwraps them there): the link is the focus stop.
   - A figure's source (partials/figure-link.html) is a link to a hidden element, for Material's
     footnote tooltip to show: following it would go nowhere. A click or a tap (and Enter) gives
     the figure focus instead, which shows its source.
   - Material appends each tooltip to <body>, outside every landmark, and it only repeats the
     host's description (the host points to it with aria-describedby, which still works on
     hidden nodes). Hide it from the accessibility tree, so a screen reader does not meet the
     same text again, out of context, at the end of the page. */
(function () {
  "use strict";

  function makeExplainedTermsFocusable() {
    var abbrs = document.querySelectorAll(".md-content abbr[title]");
    Array.prototype.forEach.call(abbrs, function (abbr) {
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
    window.document$.subscribe(makeExplainedTermsFocusable);
  } else {
    makeExplainedTermsFocusable();
  }
  /* Tooltips are inserted when first shown: hide each in the same task it appears. */
  new MutationObserver(hideTooltipCopies).observe(document.body, { childList: true });
})();
