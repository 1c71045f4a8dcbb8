/* Load search when the reader reaches for it, not on every page view.

   Material starts its search worker and downloads the whole search index as soon as a page
   loads: on a talk page that is more than half of the bytes. This runs before Material's
   bundle and holds back both (the worker behind a stand-in, the index request behind its
   send()) until the search field is focused, a search shortcut is pressed or the URL
   carries a query (?q=) or words to highlight (?h=, how a search result opens its page:
   Material marks them once its search is ready). Nothing else about search changes. */
(function () {
  "use strict";
  var INDEX = /search\/search_index\.json$/;
  var wanted = false;
  var waiting = [];

  function want() {
    if (wanted) return;
    wanted = true;
    waiting.splice(0).forEach(function (start) { start(); });
  }
  function later(start) {
    if (wanted) start(); else waiting.push(start);
  }

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.__searchIndex = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this, args = arguments;
    if (!xhr.__searchIndex) return send.apply(xhr, args);
    later(function () { send.apply(xhr, args); });
  };

  /* A stand-in for the search worker that becomes the real one on first use. */
  var RealWorker = window.Worker;
  if (RealWorker) {
    window.Worker = function (url, options) {
      if (!/\/workers\/search\./.test(String(url))) return new RealWorker(url, options);
      var target = document.createDocumentFragment();   /* an EventTarget to hold listeners */
      var messages = [];
      var worker = null;
      var standIn = {
        addEventListener: function () { target.addEventListener.apply(target, arguments); },
        removeEventListener: function () { target.removeEventListener.apply(target, arguments); },
        dispatchEvent: function (event) { return target.dispatchEvent(event); },
        postMessage: function (message) { worker ? worker.postMessage(message) : messages.push(message); },
        terminate: function () { if (worker) worker.terminate(); }
      };
      later(function () {
        worker = new RealWorker(url, options);
        ["message", "error", "messageerror"].forEach(function (type) {
          worker.addEventListener(type, function (event) {
            target.dispatchEvent(new MessageEvent(type, { data: event.data }));
          });
        });
        messages.splice(0).forEach(function (message) { worker.postMessage(message); });
      });
      return standIn;
    };
  }

  document.addEventListener("focusin", function (event) {
    if (event.target.closest && event.target.closest(".md-search, [data-md-toggle=search]")) want();
  }, true);
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search") want();
  }, true);
  document.addEventListener("keydown", function (event) {
    if (["/", "s", "f"].indexOf(event.key) >= 0 || event.target.closest && event.target.closest(".md-search")) want();
  }, true);
  document.addEventListener("pointerdown", function (event) {
    if (event.target.closest && event.target.closest("label[for=__search], .md-search")) want();
  }, true);
  if (/[?&][qh]=/.test(location.search)) want();
})();
