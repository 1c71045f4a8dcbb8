/* Typo-tolerant search, inside Material's own search worker.

   search-typos.js starts this file in place of Material's search worker and sends it, first,
   the address of Material's worker; this file loads Material's worker into itself, so the
   search index, lunr and the ranking stay Material's. Before a query reaches Material, each
   word of it that no indexed word starts with (Material searches every word as a prefix) is
   replaced by the indexed spelling nearest to it: "Kenneth Stenley" is searched as "Kenneth
   Stanley". A word that an indexed word starts with is left alone, so a correctly spelled
   query gets exactly today's results and ranking, and fuzzy hits never mix with exact ones.
   The result message then carries what was searched instead, for search-typos.js to show.

   Nearest, in this order:
   1. within one edit (a letter missing, added, wrong, or two letters swapped) for words of
      4 letters or more, two edits for 8 or more, of the start of an indexed word;
   2. an indexed word that sounds the same (sound() below: "Swarup" → "Swaroop");
   3. indexed words run together ("zeroshot" → "zero shot", as Material searches "zero-shot").

   The last word of a query that does not end in a space is still being typed: it is searched,
   as Material searches every word, as the start of a word, so its correction is a word's
   start too, and run-together words may end in one ("zerosh" → "zero sh"). The note shows
   each corrected word as the whole word the top result holds ("Natasc" is searched as
   "natas" and shown as Natasha; "zerosh" as "zero sh", shown as zero shot).

   Patch points, written against Material for MkDocs 9.8.2 (worker
   src/templates/assets/javascripts/integrations/search/worker/main/index.ts and
   .../search/_/index.ts); tests/test_search_typos.py fails when an upgrade breaks one:
   - the worker script calls the global addEventListener("message", …) and postMessage(…)
     once per message, answering QUERY (type 2) with exactly one RESULT (type 3), in order;
   - it exposes lunr as self.lunr and builds its index with lunr (lunr.Builder#build);
   - it sets lunr.tokenizer.separator to the site's separator, lowercases indexed words and
     indexes them without stemming (plugins.search.pipeline: no "stemmer").
   When a patch point no longer holds, search works as Material's alone does (no correction)
   and the READY message says typoTolerance: false. */
(function () {
  "use strict";
  var scope = self;
  var listen = scope.addEventListener.bind(scope);
  var post = scope.postMessage;          /* iframe-worker (offline copy) replaces it: keep its */
  var material = [];                     /* Material's message listeners */
  var inbox = [];                        /* messages that arrived before Material was loaded */
  var loaded = false;
  var index = null;                      /* the lunr.Index Material built */
  var pending = [];                      /* what each query handed to Material was searched as */
  var cache = null;                      /* per index: sorted words and their sounds */

  var QUERY = 2, RESULT = 3, READY = 1;

  /* Material registers its message listener and answers through these globals. */
  scope.addEventListener = function (type, listener, options) {
    if (type === "message") material.push(listener);
    else listen(type, listener, options);
  };
  scope.postMessage = function (message) {
    if (message && message.type === READY) message.typoTolerance = !!index;
    if (message && message.type === RESULT && message.data) {
      var typos = pending.shift() || null;
      try { if (typos) complete(typos, message.data.items); } catch (err) { console.warn(err); }
      message.data.typos = typos;
    }
    return post.apply(scope, arguments);
  };

  listen("message", function (event) {
    var message = event.data;
    if (message && message.type === "summit:material-worker") return load(message.url);
    inbox.push(message);
    if (loaded) inbox.splice(0).forEach(deliver);
  });

  function load(url) {
    /* importScripts is synchronous in a worker, a promise in iframe-worker's stand-in. */
    Promise.resolve(importScripts(url)).then(function () {
      var lunr = scope.lunr;
      if (lunr && lunr.Builder && material.length) {
        var build = lunr.Builder.prototype.build;
        lunr.Builder.prototype.build = function () {
          index = build.apply(this, arguments);
          cache = null;
          return index;
        };
      } else {
        console.warn("search-typos: Material's search worker changed; typo tolerance is off");
      }
      loaded = true;
      inbox.splice(0).forEach(deliver);
    });
  }

  function deliver(message) {
    if (message && message.type === QUERY) {
      var typos = null;
      try { typos = index && correct(String(message.data)); } catch (err) { console.warn(err); }
      pending.push(typos);
      if (typos) message = { type: QUERY, data: typos.searched };
    }
    material.forEach(function (listener) { listener({ data: message }); });
  }

  /* ------------------------------------------------------------------------------------- */

  /* The query with its unknown words replaced, or null when every word is known. Words with
     lunr syntax (+word, -word, word~1, field:word, "quoted") are the reader's: left alone. */
  function correct(query) {
    var separator = new RegExp("(" + scope.lunr.tokenizer.separator.source + ")");
    var segments = [], changed = false;
    var parts = query.split(/(\s+)/);
    parts.forEach(function (part, p) {
      if (/^[+-]|[*~^:"]/.test(part)) return segments.push({ text: part });
      var words = part.split(separator);
      words.forEach(function (word, i) {
        var typing = p === parts.length - 1 && i === words.length - 1;   /* no space after it yet */
        var better = i % 2 || !word ? null : replacement(word, typing);
        if (better === null) return segments.push({ text: word || "" });
        segments.push({ text: better, typed: word });
        changed = true;
      });
    });
    if (!changed) return null;
    return {
      query: query,
      searched: segments.map(function (s) { return s.text; }).join(""),
      segments: segments
    };
  }

  /* The spelling to search instead of word (in the reader's capitalisation), or null. */
  function replacement(typed, typing) {
    var word = typed.toLowerCase();
    if (word.length < 4 || !/^\p{L}+$/u.test(word)) return null;
    if (!scope.lunr.stopWordFilter(word) || known(word)) return null;
    var found = nearest(word) || soundsLike(word) || split(word, typing);
    if (found === null) return null;
    if (typed.length > 1 && typed === typed.toUpperCase()) return found.toUpperCase();
    return /^\p{Lu}/u.test(typed) ? found.charAt(0).toUpperCase() + found.slice(1) : found;
  }

  /* Some indexed word starts with word: Material's query word* finds it. */
  function known(word) {
    return node(word) !== null;
  }

  function node(word) {
    var at = index.tokenSet;
    for (var i = 0; at && i < word.length; i++) at = at.edges[word[i]];
    return at || null;
  }

  /* 1. The start of an indexed word within 1 (2 for 8+ letters) edits of word, with the same
     first letter: readers rarely get that one wrong, and when they do it is by sound ("Cips",
     "Shiang"), which rule 2 handles; a changed first letter mostly lands on another word
     ("dash" → "hash"). The index's TokenSet is an automaton of all indexed words; walk it
     with one row of the edit distance (optimal string alignment: a swap of two neighbours is
     one edit) per letter, and stop where no row entry is within reach. */
  function nearest(word) {
    var reach = word.length >= 8 ? 2 : 1;
    var found = [];
    var start = [];
    for (var i = 0; i <= word.length; i++) start.push(i);
    (function walk(at, path, before, row) {
      for (var letter in at.edges) {
        if (!path && letter !== word[0]) continue;   /* the first letter is kept, see above */
        var next = [row[0] + 1], low = next[0];
        for (var j = 1; j <= word.length; j++) {
          var d = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (word[j - 1] === letter ? 0 : 1));
          if (before && j > 1 && word[j - 1] === path[path.length - 1] && word[j - 2] === letter)
            d = Math.min(d, before[j - 2] + 1);
          next.push(d);
          if (d < low) low = d;
        }
        var child = at.edges[letter];
        if (next[word.length] <= reach)
          found.push({ text: path + letter, distance: next[word.length], whole: child.final });
        if (low <= reach) walk(child, path + letter, row, next);
      }
    })(index.tokenSet, "", null, start);
    if (!found.length) return null;
    /* Fewest edits; then a letter doubled or undoubled over any other edit ("votting":
       "voting", not "vetting"); then a whole word over a word's start; then, among those
       still tied, the word most pages use ("modle": "model", not "mode"). */
    var single = undouble(word);
    found.forEach(function (f) { f.doubling = undouble(f.text) === single; });
    function rank(a, b) {
      return a.distance - b.distance || b.doubling - a.doubling || b.whole - a.whole;
    }
    found.sort(rank);
    var tied = found.filter(function (f) { return rank(f, found[0]) === 0; });
    tied.forEach(function (f) { f.pages = pages(f.text, f.whole); });
    tied.sort(function (a, b) { return b.pages - a.pages; });
    return tied[0].text;
  }

  function undouble(word) {
    return word.replace(/(.)\1+/g, "$1");
  }

  /* 2. An indexed word with the same sound() key, the one most pages use. */
  function soundsLike(word) {
    var all = words(), key = sound(word);
    var same = all.filter(function (w) { return w.length >= 4 && sound(w) === key; });
    same.sort(function (a, b) { return pages(b, true) - pages(a, true); });
    return same.length ? same[0] : null;
  }

  /* 3. Indexed words run together: "zeroshot", "tryon", "stateoftheart" are searched as
     "zero shot" …, which is how Material searches "zero-shot" (its separator splits at
     hyphens). Fewest parts wins; a part is a whole indexed word or a stop word (never
     indexed), of 2 letters or more, and one part at least is an indexed word. The last part
     of a word still being typed may be a word's start ("zerosh" → "zero sh"). */
  function split(word, typing) {
    var best = [{ parts: [], words: 0 }];
    for (var end = 1; end <= word.length; end++) {
      best[end] = null;
      for (var start = Math.max(0, end - 24); start < end; start++) {
        var part = word.slice(start, end), before = best[start];
        if (!before || part.length < 2) continue;
        var at = node(part);
        var indexed = at !== null && (at.final === true || (typing && end === word.length));
        if (!indexed && scope.lunr.stopWordFilter(part)) continue;
        var next = { parts: before.parts.concat(part), words: before.words + (indexed ? 1 : 0) };
        if (!best[end] || next.parts.length < best[end].parts.length) best[end] = next;
      }
    }
    var found = best[word.length];
    return found && found.words >= 1 && found.parts.length > 1 ? found.parts.join(" ") : null;
  }

  /* A rough key of how an English reader says a word: letters that spell the same sound are
     made equal ("sch"/"sh" and a first "x" (pinyin) → "s", "ph" → "f", "c"/"q"/"ck" → "k",
     "z" → "s", "w" → "v", "y" → "i", "oo"/"ou" → "u", "ee" → "i", a silent "h" after a
     consonant dropped, doubles made single). */
  function sound(word) {
    var key = cache.sounds.get(word);
    if (key !== undefined) return key;
    key = word.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/^x/, "s").replace(/sc?h/g, "s").replace(/ph/g, "f").replace(/ck|qu|q/g, "k").replace(/x/g, "ks")
      .replace(/c(?=[eiy])/g, "s").replace(/c/g, "k").replace(/z/g, "s").replace(/w/g, "v")
      .replace(/y/g, "i").replace(/oo|ou/g, "u").replace(/ee/g, "i")
      .replace(/([bdgkprt])h/g, "$1").replace(/(.)\1+/g, "$1");
    cache.sounds.set(word, key);
    return key;
  }

  /* What the note shows for each corrected segment (its `shown`): each word searched that is
     only the start of indexed words, completed to the one the top result holds, most used
     first ("natas" → "natasha"); a whole indexed word stays as it is. */
  function complete(typos, items) {
    var top = {};
    ((items && items[0]) || []).forEach(function (doc) { top[doc.location] = true; });
    typos.segments.forEach(function (segment) {
      if (!segment.typed) return;
      segment.shown = segment.text.split(" ").map(function (word) {
        var lower = word.toLowerCase(), at = node(lower);
        if (!at || at.final) return word;
        var whole = starting(lower), used = whole.filter(function (w) { return holds(w, top); });
        var best = null, most = -1;
        (used.length ? used : whole).forEach(function (w) {
          var n = pages(w, true);
          if (n > most) { best = w; most = n; }
        });
        if (!best) return word;
        if (word.length > 1 && word === word.toUpperCase()) return best.toUpperCase();
        return /^\p{Lu}/u.test(word) ? best.charAt(0).toUpperCase() + best.slice(1) : best;
      }).join(" ");
    });
  }

  /* The indexed words that start with prefix, in order. */
  function starting(prefix) {
    var all = words(), found = [];
    for (var i = lowest(all, prefix); i < all.length && all[i].lastIndexOf(prefix, 0) === 0; i++) found.push(all[i]);
    return found;
  }

  function holds(word, refs) {
    var posting = index.invertedIndex[word];
    for (var field in posting) if (field !== "_index") for (var ref in posting[field]) if (refs[ref]) return true;
    return false;
  }

  function lowest(all, word) {
    var lo = 0, hi = all.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (all[mid] < word) lo = mid + 1; else hi = mid; }
    return lo;
  }

  /* How many pages (and page sections) hold word (whole), or a word starting with it. */
  function pages(word, whole) {
    var all = words(), refs = {};
    for (var i = lowest(all, word); i < all.length && (whole ? all[i] === word : all[i].lastIndexOf(word, 0) === 0); i++) {
      var posting = index.invertedIndex[all[i]];
      for (var field in posting) if (field !== "_index") for (var ref in posting[field]) refs[ref] = 1;
    }
    return Object.keys(refs).length;
  }

  function words() {
    if (!cache) cache = { words: Object.keys(index.invertedIndex).sort(), sounds: new Map() };
    return cache.words;
  }
})();
