/* Accessible names that Material's templates do not expose as settings.
   - The search overlay is a role="dialog" with no name: name it after its own input
     ("Search" in the site language), so screen readers announce what opened.
   - With navigation.indexes a section's <nav> is labelled by the icon-only expand toggle,
     so all five section navs are nameless and indistinguishable landmarks. Label each by
     its own title instead ("Enterprise AI", ...), which holds the section name. */
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

  function run() {
    nameSearchDialog();
    nameSectionNavs();
  }

  /* Material's document$ re-emits after instant navigation swaps the page; plain load otherwise. */
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(run);
  } else {
    run();
  }
})();
