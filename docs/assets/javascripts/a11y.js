/* Accessible names and roles that Material's templates do not expose as settings.
   - The search overlay is a role="dialog" with no name: name it after its own input
     ("Search" in the site language), so screen readers announce what opened.
   - With navigation.indexes a section's <nav> is labelled by the icon-only expand toggle,
     so all five section navs are nameless and indistinguishable landmarks. Label each by
     its own title instead ("Enterprise AI", ...), which holds the section name.
   - The tag list above a talk is a <nav> with no name: call it "Tags". Search results repeat
     that <nav> once per result, for tags that are plain labels, not links: no landmark.
   - content.code.copy wraps each copy button in a <nav>: one nameless navigation landmark
     per code block, for a single button that navigates nowhere. Drop the landmark role.
   - content.footnote.tooltips shows a footnote in a role="dialog" with no name: name it
     after its footnote ("Footnote 2"), taken from the citation that opened it, or after the
     figure whose source it shows ("Source of 16%", partials/figure-link.html).
   Material adds copy buttons, search results and tooltips after load, so changes are watched too. */
(function () {
  "use strict";

  function nameSearchDialog() {
    var dialog = document.querySelector('.md-search[role="dialog"]');
    var input = dialog && dialog.querySelector(".md-search__input");
    if (dialog && input && !dialog.hasAttribute("aria-label")) {
      dialog.setAttribute("aria-label", input.getAttribute("aria-label") || "Search");
    }
  }

  function nameSectionNavs() {
    var navs = document.querySelectorAll("nav.md-nav[aria-labelledby]");
    Array.prototype.forEach.call(navs, function (nav) {
      var current = document.getElementById(nav.getAttribute("aria-labelledby"));
      if (current && current.textContent.trim()) return;  /* already has a name */
      var title = nav.querySelector(":scope > .md-nav__title");
      if (!title || !title.textContent.trim()) return;
      if (!title.id) title.id = nav.getAttribute("aria-labelledby") + "_title";
      nav.setAttribute("aria-labelledby", title.id);
    });
  }

  function nameTagList() {
    var tags = document.querySelectorAll("nav.md-tags:not([aria-label]):not([role])");
    Array.prototype.forEach.call(tags, function (nav) {
      if (nav.closest(".md-search-result")) nav.setAttribute("role", "none");
      else nav.setAttribute("aria-label", "Tags");
    });
  }

  function unlandmarkCodeButtons() {
    var navs = document.querySelectorAll("nav.md-code__nav:not([role])");
    Array.prototype.forEach.call(navs, function (nav) { nav.setAttribute("role", "none"); });
  }

  function nameTooltips() {
    var tips = document.querySelectorAll('.md-tooltip2[role="dialog"]:not([aria-label])');
    Array.prototype.forEach.call(tips, function (tip) {
      var host = tip.id && document.querySelector('[aria-controls="' + tip.id + '"]');
      var number = host ? host.textContent.trim() : "";
      var kind = host && host.hasAttribute("data-figure-source") ? "Source of " : "Footnote ";
      tip.setAttribute("aria-label", number ? kind + number : kind.trim());
    });
  }

  function run() {
    nameSearchDialog();
    nameSectionNavs();
    nameTagList();
    unlandmarkCodeButtons();
    nameTooltips();
  }

  /* Material's document$ emits on load and again after instant navigation swaps the page. */
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(run);
  }
  run();

  /* Copy buttons, search results and tooltips are inserted by Material after load: fix them as they appear.
     Named in the same task as the insertion, before a screen reader can announce them. */
  new MutationObserver(function () {
    unlandmarkCodeButtons();
    nameTagList();
    nameTooltips();
  }).observe(document.body, { childList: true, subtree: true });
})();
