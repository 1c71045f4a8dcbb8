// A work's BibTeX control (overrides/partials/bibtex.html): one button shows or hides the
// entry, the other copies it. Delegated from the document, so it serves every page as loaded.
document.addEventListener("click", async (event) => {
  const show = event.target.closest("button.bibtex__show");
  if (show) {
    const entry = document.getElementById(show.getAttribute("aria-controls"));
    const open = show.getAttribute("aria-expanded") !== "true";
    show.setAttribute("aria-expanded", String(open));
    entry.hidden = !open;
    return;
  }
  const copy = event.target.closest("button.bibtex__copy");
  if (copy) {
    const entry = document.getElementById(copy.dataset.bibtex);
    await navigator.clipboard.writeText(entry.textContent);
    copy.textContent = "Copied";
    setTimeout(() => { copy.textContent = "Copy BibTeX"; }, 2000);
  }
});
