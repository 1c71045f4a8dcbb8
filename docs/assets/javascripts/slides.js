/* Slide lightbox: a native <dialog>, so Escape, focus trapping and focus return come from
   the browser. Without JavaScript the link still opens the drawing on its own.
   - The caption is the figure's own (number, title, speakers, talk, summit), copied from its
     <figcaption> without the citation marker: the link's title cannot serve, Material's
     tooltip takes it away while the link is hovered or focused.
   - On a phone the drawing is shown wider than the screen, so its labels are readable; the
     reader pans (or pinches) around it in its frame.
   - Opening pushes a history entry, so a phone's Back gesture closes the slide instead of
     leaving the page; closing otherwise (button, Escape, backdrop) takes the entry back. */
(function () {
  "use strict";
  var dialog, frame, image, caption, opener;
  var pushed = false;          /* the history entry opening pushed is the current one */
  var leaving = false;         /* closing went back over that entry: its popstate is ours */

  function build() {
    dialog = document.createElement("dialog");
    dialog.className = "slide-dialog";
    dialog.setAttribute("aria-labelledby", "slide-dialog-caption");
    /* The frame scrolls on a phone: focusable, so the arrow keys can pan it too. */
    dialog.innerHTML =
      '<button type="button" class="slide-dialog__close md-button" aria-label="Close enlarged slide">Close</button>' +
      '<div class="slide-dialog__frame" tabindex="0" role="group" aria-label="Enlarged slide">' +
      '<img class="slide-dialog__image" alt=""></div>' +
      '<p class="slide-dialog__caption" id="slide-dialog-caption"></p>';
    frame = dialog.querySelector(".slide-dialog__frame");
    image = dialog.querySelector("img");
    caption = dialog.querySelector("p");
    dialog.querySelector("button").addEventListener("click", function () { dialog.close(); });
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog) dialog.close();   /* a click on the backdrop */
    });
    dialog.addEventListener("close", function () {
      if (pushed) {
        pushed = false;
        leaving = true;
        history.back();
      }
      if (opener) opener.focus();
    });
    window.addEventListener("popstate", function () {
      if (leaving) {                                 /* closing's own Back, not the reader's */
        leaving = false;
        return;
      }
      if (!pushed) return;
      pushed = false;                                /* Back already took the entry */
      if (dialog.open) dialog.close();
    });
    document.body.appendChild(dialog);
  }

  /* The figure's caption as text and emphasis: no citation marker (its footnote is on the
     page behind), no tooltips or ids (the originals stay the page's). */
  function captionOf(link) {
    var figcaption = link.closest("figure") && link.closest("figure").querySelector("figcaption");
    if (!figcaption) return document.createTextNode(link.textContent.trim() || "Slide");
    var copy = figcaption.cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll("sup"), function (sup) { sup.remove(); });
    Array.prototype.forEach.call(copy.querySelectorAll("abbr"), function (abbr) {
      abbr.replaceWith(document.createTextNode(abbr.textContent));
    });
    Array.prototype.forEach.call(copy.querySelectorAll("[id]"), function (el) { el.removeAttribute("id"); });
    var fragment = document.createDocumentFragment();
    Array.prototype.forEach.call(copy.querySelector("p") ? copy.querySelector("p").childNodes : copy.childNodes,
      function (node) { fragment.appendChild(node.cloneNode(true)); });
    fragment.normalize();
    if (fragment.lastChild && fragment.lastChild.nodeType === 3)
      fragment.lastChild.textContent = fragment.lastChild.textContent.replace(/\s+$/, "");
    return fragment;
  }

  function open(link) {
    if (!dialog) build();
    var thumb = link.querySelector("img");
    opener = link;
    image.src = link.getAttribute("href");
    image.alt = thumb ? thumb.alt : "";
    image.width = thumb ? thumb.width : 1280;
    image.height = thumb ? thumb.height : 720;
    caption.replaceChildren(captionOf(link));
    dialog.showModal();
    frame.scrollLeft = 0;
    frame.scrollTop = 0;
    if (!pushed) {
      history.pushState({ summitSlide: true }, "");
      pushed = true;
    }
    dialog.querySelector("button").focus();
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.slide__link");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    open(link);
  });
})();
