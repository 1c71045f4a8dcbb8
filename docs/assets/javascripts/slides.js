/* Slide lightbox: a native <dialog>, so Escape, focus trapping and focus return come from
   the browser. Without JavaScript the link still opens the drawing on its own. */
(function () {
  "use strict";
  var dialog, image, caption, opener;

  function build() {
    dialog = document.createElement("dialog");
    dialog.className = "slide-dialog";
    dialog.setAttribute("aria-labelledby", "slide-dialog-caption");
    dialog.innerHTML =
      '<button type="button" class="slide-dialog__close md-button" aria-label="Close enlarged slide">Close</button>' +
      '<img class="slide-dialog__image" alt="">' +
      '<p class="slide-dialog__caption" id="slide-dialog-caption"></p>';
    image = dialog.querySelector("img");
    caption = dialog.querySelector("p");
    dialog.querySelector("button").addEventListener("click", function () { dialog.close(); });
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog) dialog.close();   /* a click on the backdrop */
    });
    dialog.addEventListener("close", function () {
      if (opener) opener.focus();
    });
    document.body.appendChild(dialog);
  }

  function open(link) {
    if (!dialog) build();
    var thumb = link.querySelector("img");
    opener = link;
    image.src = link.getAttribute("href");
    image.alt = thumb ? thumb.alt : "";
    image.width = thumb ? thumb.width : 1280;
    image.height = thumb ? thumb.height : 720;
    caption.textContent = link.getAttribute("title") || "Slide";
    dialog.showModal();
    dialog.querySelector("button").focus();
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.slide__link");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    open(link);
  });
})();
