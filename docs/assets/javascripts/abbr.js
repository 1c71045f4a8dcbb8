/* Keyboard access to the glossary's tooltips. With content.tooltips, Material shows an
   <abbr>'s title when it is hovered or focused, but an <abbr> cannot take focus on its own.
   The first use of each term on a page is made focusable (tabindex="0"): a keyboard reader can
   decode every term without tabbing through each repeat ("empowerment" appears twenty times on
   one page). Abbreviations inside links are skipped: the build removes them, the link is the
   focus stop there. */
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

  /* Material's document$ emits on load and again after instant navigation swaps the page. */
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(makeFirstUsesFocusable);
  } else {
    makeFirstUsesFocusable();
  }
})();
