/* Typo-tolerant search, inside Material's own search worker.

   search-typos.js starts this file in place of Material's search worker and sends it, first,
   the address of Material's worker; this file loads Material's worker into itself, so the
   search index, lunr and the ranking stay Material's. Before a query reaches Material, each
   word of it that no indexed word starts with (Material searches every word as a prefix) is
   replaced by the indexed spelling nearest to it: "Kenneth Stenley" is searched as "Kenneth
   Stanley". A word that an indexed word starts with, or that has close forms in the index
   ("taxes", "colour"), is no typo and is left alone, so fuzzy hits never mix with exact ones.
   The result message then carries what was searched instead, for search-typos.js to show.

   Then, for every query (question() below, issue 25 items 10 and 11): stop words are dropped
   and close forms added, the pages matching more of the query's words come first, and each
   page's result becomes one card, "Page › Section" over the page's description.

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
     indexes them without stemming (plugins.search.pipeline: no "stemmer");
   - it appends "*" to every query word but those ending in a boost ("tax^1"), and answers
     with items, one list of documents per page, best first, each with the query words it
     matched (terms); it renders a page's list holding only the page (no "#" in its location)
     as one card with its title and text (templates/search/index.tsx).
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
      var asked = pending.shift() || {}, items = message.data.items || [];
      try { if (asked.plan) rerank(items, asked.plan); } catch (err) { console.warn(err); }
      try { if (asked.typos) complete(asked.typos, items); } catch (err) { console.warn(err); }
      try { if (index) cards(items, asked.plan); } catch (err) { console.warn(err); }
      message.data.typos = asked.typos || null;
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
      var typos = null, plan = null, query = String(message.data);
      try { typos = index && correct(query); } catch (err) { console.warn(err); }
      if (typos) query = typos.searched;
      try { plan = index && question(query); } catch (err) { console.warn(err); }
      pending.push({ typos: typos, plan: plan });
      if (plan) query = plan.query;
      if (query !== message.data) message = { type: QUERY, data: query };
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
    if (!scope.lunr.stopWordFilter(word) || known(word) || forms(word).length) return null;
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
    if (!cache) cache = { words: Object.keys(index.invertedIndex).sort(), sounds: new Map(), roots: null, rootOf: new Map() };
    return cache.words;
  }

  /* ------------------------------------------------------------------------------------- */
  /* Questions in a reader's own words (issue 25, item 10): "how do I make a generative model
     fair" is about "generative", "model" and "fair".

     question() rewrites the query (after any typo correction) before Material sees it:
     - stop words (lunr's list: "how", "do", "i", "a" …) are dropped, unless every word is one.
       Material searches each word as a prefix, so "a" matched every word starting with "a",
       swamped the ranking and was underlined in every result;
     - each word also searches its close forms that the index holds, as whole words ("taxes":
       also "tax"; "ethically": also "ethics", "ethical"; "colour": also "color"), written
       "tax^1", which Material passes to lunr as it is (no trailing wildcard). The index is not
       stemmed (mkdocs.yml's pipeline), so the forms come from the index's own words: those
       with the same root() as the word.
     rerank() then puts the pages that match more of the query's words (or their close forms)
     first, keeping Material's order among pages that match as many. */
  function question(query) {
    if (query.split(/\s+/).some(function (part) { return /^[+-]|[*~^:"]/.test(part); })) return null;
    var separator = scope.lunr.tokenizer.separator;
    var all = query.toLowerCase().split(/\s+/).reduce(function (list, part) {
      return list.concat(part.split(separator));
    }, []).filter(function (word) { return word; });
    var typing = !/\s$/.test(query) ? all[all.length - 1] : null;
    var kept = all.filter(function (word) { return scope.lunr.stopWordFilter(word); });
    if (!kept.length) return null;
    var plan = { words: [] }, terms = [];
    kept.forEach(function (word, i) {
      if (plan.words.some(function (w) { return w.word === word; })) return;
      /* A finished word of one or two letters that the index holds is searched as that word:
         as a prefix, "up" in "look up" matched every "update" and "upon". */
      var at = node(word), last = i === kept.length - 1 && word === typing;
      var whole = word.length <= 2 && at && at.final && !last;
      var extra = forms(word).filter(function (form) { return whole || form.lastIndexOf(word, 0) !== 0; });
      plan.words.push({ word: word, clauses: [word].concat(extra), whole: whole, typing: last });
      terms.push(whole ? word + "^1" : word);
      extra.forEach(function (form) { terms.push(form + "^1"); });   /* a whole word: no "*" */
    });
    plan.query = terms.join(" ");
    return plan;
  }

  /* The index's words with word's root (word itself and those it starts with aside: Material's
     prefix search finds those already), letters only. */
  function forms(word) {
    if (word.length < 3 || !/^\p{L}+$/u.test(word)) return [];
    if (!cache || !cache.roots) {
      var roots = new Map();
      words().forEach(function (w) {
        if (!/^\p{L}{3,}$/u.test(w)) return;
        var r = root(w), list = roots.get(r);
        if (list) list.push(w); else roots.set(r, [w]);
      });
      cache.roots = roots;
    }
    return (cache.roots.get(root(word)) || []).filter(function (w) { return w !== word; });
  }

  /* A word's root, for telling close forms apart from other words: British spellings as
     American ones ("colour" → "color", "organise" → "organize", "modelling" → "modeling"),
     then one inflection or a few derivations off ("taxes" → "tax", "ethically" → "ethic",
     "learning" → "learn", "fairness" → "fair"), a final "e" off ("generated", "generate" →
     "generat"). Only ever compared with another word's root, never searched, so a root need
     not be a word; what matters is that two different words rarely share one, which is why
     this is not Porter's stemmer ("generative" and "general" share its stem "gener"). */
  function root(word) {
    var known = cache && cache.rootOf.get(word);
    if (known !== undefined) return known;
    var w = rootOf(word);
    if (cache) cache.rootOf.set(word, w);
    return w;
  }

  function rootOf(word) {
    var w = word
      .replace(/(?<=\p{L}{2})our(s|ed|ing|ful|ite|ites|able)?$/u, "or$1")
      .replace(/(?<=\p{L}{3})is(e|es|ed|ing|ation|ations|er|ers)$/u, "iz$1")
      .replace(/ys(e|es|ed|ing)$/, "yz$1")
      .replace(/(?<=\p{L}{2})ell(ing|ed|er|ers)$/u, "el$1");
    var rules = [
      [/ically$/, "ic"], [/ical$/, "ic"], [/ics$/, "ic"],
      [/ies$/, "y"], [/ied$/, "y"],
      [/([sxz]|[cs]h)es$/, "$1"],
      [/ness$/, ""],
      [/ing$/, "", true], [/(?<!e)ed$/, "", true],
      [/(?<=\p{L}{3}[^p])ly$/u, ""],
      [/(?<![siu]|[^e]a)s$/, ""]
    ];
    for (var i = 0; i < rules.length; i++) {
      if (!rules[i][0].test(w)) continue;
      var cut = w.replace(rules[i][0], rules[i][1]);
      if (cut.length < 3) break;
      w = rules[i][2] ? cut.replace(/([^aeioulsz])\1$/, "$1") : cut;   /* "running" → "run" */
      break;
    }
    return w.length > 3 && /e$/.test(w) ? w.slice(0, -1) : w;
  }

  /* Pages matching more of the query's words first; Material's order among equals. A page
     matches as many words as its best part does, a part (the page's top or one section) being
     read with the page's top, where a talk's title, speakers and summary are: counting every
     section of a page at once would put the pages that list everything (the Glossary, the
     home page's list of talks) first for any long question. */
  function rerank(items, plan) {
    function has(doc, word) {
      return !!doc && !!doc.terms && word.clauses.some(function (term) { return doc.terms[term] === true; });
    }
    var counted = items.map(function (group, position) {
      var top = group.filter(function (doc) { return doc.location.indexOf("#") < 0; })[0];
      var matched = Math.max.apply(null, group.map(function (doc) {
        return plan.words.filter(function (word) { return has(doc, word) || has(top, word); }).length;
      }));
      return { group: group, matched: matched, position: position };
    });
    counted.sort(function (a, b) { return b.matched - a.matched || a.position - b.position; });
    counted.forEach(function (c, i) { items[i] = c.group; });
  }

  /* ------------------------------------------------------------------------------------- */
  /* Result cards that read (issue 25, item 11): one card per page, "Page › Section" (the
     section that matched best) over one line, the page's description (every talk and
     section has one, so every talk's card starts the same way), or, for a page without one,
     the first sentence of the best match. Material renders a page's result as a card with
     teaser when it is the page alone, so each group becomes that page alone; the card's
     link is the page's, and search-typos.js adds the section's anchor (`anchor`) to it.
     Only the words the query searched are marked: each word and its close forms, and the
     words starting with the word still being typed (Material searches it as a prefix). */
  function cards(items, plan) {
    var marks = plan ? plan.words.reduce(function (list, word) {
      return list.concat(word.clauses.map(function (term, i) {
        return { term: term, root: root(term), prefix: i === 0 && word.typing };
      }));
    }, []) : [];
    items.forEach(function (group) {
      if (!group.length) return;
      var best = group[0];
      var page = group.filter(function (doc) { return doc.location.indexOf("#") < 0; })[0] || best.parent || best;
      var source = best.parent || best;
      var terms = {};
      group.forEach(function (doc) {
        for (var term in doc.terms || {}) if (doc.terms[term]) terms[term] = true;
      });
      var title = plain(source.title) + (best !== page && best.parent ? " › " + plain(best.title) : "");
      var text = source.description || sentence(best.text, marks);
      var hash = best.location.indexOf("#");
      group.length = 0;
      group.push({
        location: page.location,
        anchor: hash < 0 ? "" : best.location.slice(hash),
        title: mark(title, marks),
        text: "<p>" + mark(text, marks) + "</p>",
        score: best.score,
        terms: terms
      });
    });
  }

  /* Text without markup: Material's own highlighting (<mark>) and the page's HTML. */
  function plain(html) {
    return String(html || "").replace(/<\/(p|li|h\d|td|th|dt|dd)>/g, " · ").replace(/<br\s*\/?>/g, " ").replace(/<[^>]*>/g, "")
      .replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, "\"").replace(/&#39;/g, "'").replace(/&amp;/g, "&")
      .replace(/\s+/g, " ").replace(/^[\s·]+|[\s·]+$/g, "").replace(/ · (?=·)/g, "");
  }

  /* The first sentence of html that holds a searched word (else its first), at most about
     200 letters. */
  function sentence(html, marks) {
    var text = plain(html);
    /* a sentence ends at ".", "!" or "?" before a space ("2.0" goes on), or at a block's end */
    var sentences = text.match(/(?:[^.!?·]|[.!?](?!\s|$))+(?:[.!?]+(?=\s|$)|·|$)/g) || [text];
    var found = sentences.filter(function (s) { return mark(s, marks) !== escape(s); })[0] || sentences[0] || "";
    found = found.replace(/\s*·$/, "").trim();
    if (found.length <= 200) return found;
    return found.slice(0, 200).replace(/\s+\S*$/, "") + " …";
  }

  function escape(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  /* text, escaped, with each word the query searched in <mark>. */
  function mark(text, marks) {
    var separator = new RegExp("(" + scope.lunr.tokenizer.separator.source + ")");
    return text.split(separator).map(function (piece, i) {
      if (i % 2 || !piece) return escape(piece || "");
      var lower = piece.toLowerCase();
      var hit = marks.some(function (m) {
        return lower === m.term || (m.prefix ? lower.lastIndexOf(m.term, 0) === 0 : root(lower) === m.root);
      });
      return hit ? "<mark>" + escape(piece) + "</mark>" : escape(piece);
    }).join("");
  }
})();
