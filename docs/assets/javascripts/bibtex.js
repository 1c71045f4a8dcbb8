// A work's BibTeX control (overrides/partials/bibtex.html): one button shows or hides the
// entry, the other copies it. Delegated from the document, so it serves every page as loaded.
// No page carries the entries: the first use loads them all, once, from bibtex-entries.js (the
// build writes it beside this file) through a script element, which works from file:// (the
// offline copy), where fetch() does not.
const summitBibtexEntries = (() => {
  // This script's own address as the browser resolved it: the entries sit beside it, so the same
  // address holds from any page depth, on a server or from disk.
  const url = new URL("bibtex-entries.js", document.currentScript.src).href;
  let loading = null;
  return () => {
    loading ??= new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = url;
      script.onload = () => resolve(window.summitBibtex);
      script.onerror = () => {
        loading = null;  // the next click tries again
        script.remove();
        reject(new Error(`BibTeX entries not loaded from ${url}`));
      };
      document.head.append(script);
    });
    return loading;
  };
})();

const summitBibtexEntry = async (key) => {
  const text = (await summitBibtexEntries())[key];
  if (text === undefined) throw new Error(`bibtex-entries.js has no entry ${key}`);
  return text;
};

// The copy asks for the clipboard within the click: browsers allow a write only while the click's
// user activation lasts (Safari: during the click's handler). Once the entries are here, the
// text is written at once; before, a ClipboardItem takes it as a promise, so the write is asked
// for now and filled when the entries arrive; without ClipboardItem, it is written on arrival.
const summitCopyBibtex = (key) => {
  const loaded = window.summitBibtex?.[key];
  if (loaded !== undefined) return navigator.clipboard.writeText(loaded);
  const text = summitBibtexEntry(key);
  if (window.ClipboardItem) {
    const blob = text.then((t) => new Blob([t], { type: "text/plain" }));
    return navigator.clipboard.write([new ClipboardItem({ "text/plain": blob })]);
  }
  return text.then((t) => navigator.clipboard.writeText(t));
};

document.addEventListener("click", async (event) => {
  const control = event.target.closest(".bibtex");
  if (!control) return;
  const show = event.target.closest("button.bibtex__show");
  if (show) {
    const entry = document.getElementById(show.getAttribute("aria-controls"));
    const open = show.getAttribute("aria-expanded") !== "true";
    show.setAttribute("aria-expanded", String(open));
    if (open && !("loaded" in entry.dataset)) {
      try {
        entry.textContent = await summitBibtexEntry(control.dataset.key);
        entry.dataset.loaded = "";
      } catch (error) {
        entry.textContent = "The BibTeX entry could not be loaded.";
        console.error(error);
      }
    }
    entry.hidden = show.getAttribute("aria-expanded") !== "true";  // a second click may have closed it meanwhile
    return;
  }
  const copy = event.target.closest("button.bibtex__copy");
  if (copy) {
    try {
      await summitCopyBibtex(control.dataset.key);
      copy.textContent = "Copied";
    } catch (error) {
      copy.textContent = "Not copied";
      console.error(error);
    }
    setTimeout(() => { copy.textContent = "Copy BibTeX"; }, 2000);
  }
});
