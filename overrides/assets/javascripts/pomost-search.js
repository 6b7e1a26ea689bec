/* Pomost's search: the search box in the header and the search page (README, "Search").
 *
 * Reads the index that hooks/pomost/publish/searchindex.py writes under the language's
 * root (search/manifest.json, term shards t/, entries d/, filters f/), a few small files
 * per query, from the site itself. Words are cut exactly as the build cut them: the
 * normaliser below runs the steps of hooks/pomost/publish/searchtext.py over the tables the
 * manifest carries (tests/browser/test_search_normalisation.py compares the two on the same words).
 * Text from the data is only ever inserted as text (textContent), never as markup.
 */
(function () {
  "use strict";

  /* -- normalisation: the steps of searchtext.py --------------------------------------- */

  function normaliser(rules) {
    var fold = rules.fold;
    var apostrophes = new RegExp("[" + rules.apostrophes.replace(/[\\\]\-^]/g, "\\$&") + "]", "g");
    var stop = new Set(rules.stop);
    var latin = /[a-z]/, cyrillic = /[\u0400-\u04ff]/;

    function foldText(text) {
      var lower = text.toLowerCase().replace(apostrophes, "");
      var out = "";
      for (var c of lower) out += Object.prototype.hasOwnProperty.call(fold, c) ? fold[c] : c;
      return out.normalize("NFD").replace(/\p{M}/gu, "");
    }
    function words(text) {
      return foldText(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    }
    function stem(word) {
      var script = latin.test(word) ? "latin" : cyrillic.test(word) ? "cyrillic" : null;
      if (!script) return word;
      var endings = rules.endings[script];
      for (var i = 0; i < endings.length; i++) {
        var e = endings[i];
        if (word.endsWith(e) && word.length - e.length >= rules.min_stem)
          return word.slice(0, word.length - e.length);
      }
      return word;
    }
    function keep(word) { return word.length > 1 && !stop.has(word); }
    function terms(text) { return words(text).filter(keep).map(stem); }
    return { fold: foldText, words: words, stem: stem, keep: keep, terms: terms };
  }

  /* -- the index ------------------------------------------------------------------------ */

  var WEIGHT = [0, 1, 2, 4];      // by the weight class of a posting (searchindex.py)
  var PREFIX = 0.5;               // a word still being typed matches longer words, less
  var FIRST = 5;                  // results shown before the rest of a page of them arrive

  function Index(root) {
    this.root = root + "search/";
    this.files = new Map();
  }
  Index.prototype.json = function (path) {
    if (!this.files.has(path)) {
      var url = this.root + path;
      this.files.set(path, fetch(url).then(function (r) {
        if (!r.ok) throw new Error(url + ": " + r.status);
        return r.json();
      }));
    }
    return this.files.get(path);
  };
  Index.prototype.manifest = function () {
    var self = this;
    if (!this._manifest)
      this._manifest = this.json("manifest.json").then(function (m) {
        if (m.version !== 1) throw new Error("unknown index version " + m.version);
        m.shardSet = new Set(m.shards);
        m.norm = normaliser(m.rules);
        self.m = m;
        return m;
      });
    return this._manifest;
  };
  Index.prototype.shard = function (term) {
    var m = this.m;
    if (term.length >= 3 && m.shardSet.has(term.slice(0, 3))) return term.slice(0, 3);
    if (m.shardSet.has(term.slice(0, 2))) return term.slice(0, 2);
    return null;
  };

  /* The query's words: [{term, prefix}] — the last one is still being typed unless the
     query ends in a space or a mark. */
  function parse(norm, query) {
    var words = norm.words(query);
    var typing = /[\p{L}\p{N}]$/u.test(query);
    var out = [];
    words.forEach(function (word, i) {
      var last = typing && i === words.length - 1;
      if (norm.keep(word) || (last && word.length > 1))
        out.push({ term: norm.stem(word), prefix: last });
    });
    return out;
  }

  /* a shard's file name: its key's UTF-8 bytes in hex (searchindex.shard_file) */
  function hex(key) {
    return Array.from(new TextEncoder().encode(key), function (b) {
      return b.toString(16).padStart(2, "0");
    }).join("");
  }

  function decode(postings, visit) {
    var doc = 0;
    for (var i = 0; i < postings.length; i++) {
      doc += postings[i] >> 2;
      visit(doc, postings[i] & 3);
    }
  }

  /* filters: {facet: key}; the allowed entries, or null for all */
  Index.prototype.allowed = async function (filters) {
    var m = this.m, sets = [];
    for (var facet in filters) {
      var key = filters[facet];
      if (!key) continue;
      if (facet === "kind") {
        var range = m.kinds[key] || [0, 0], set = new Set();
        for (var d = range[0]; d < range[1]; d++) set.add(d);
        sets.push(set);
        continue;
      }
      var rows = await this.json("f/" + facet + ".json");
      var row = rows.find(function (r) { return r[0] === key; });
      var found = new Set();
      if (row) decode(row[3], function (doc) { found.add(doc); });
      sets.push(found);
    }
    if (!sets.length) return null;
    return sets.reduce(function (a, b) {
      return new Set([...a].filter(function (x) { return b.has(x); }));
    });
  };

  Index.prototype.search = async function (query, filters) {
    var m = await this.manifest(), self = this;
    var words = parse(m.norm, query);
    var allowed = await this.allowed(filters || {});
    if (!words.length) {
      if (!allowed) return { words: words, hits: [] };
      return { words: words, hits: [...allowed].sort(function (a, b) { return a - b; })
        .map(function (doc) { return { doc: doc, score: 0 }; }) };
    }
    var shards = await Promise.all(words.map(function (w) {
      var key = self.shard(w.term);
      return key ? self.json("t/" + hex(key) + ".json") : Promise.resolve({});
    }));
    var total = new Map();
    words.forEach(function (w, i) {
      var best = new Map(), shard = shards[i];
      var candidates = [];
      if (w.prefix) {
        for (var term in shard)
          if (term.startsWith(w.term)) candidates.push(term);
      } else if (shard[w.term]) {
        candidates.push(w.term);
      }
      candidates.forEach(function (term) {
        var postings = shard[term], df = 0;
        decode(postings, function () { df++; });
        var idf = Math.log(1 + m.entries / df);
        var factor = term === w.term ? 1 : PREFIX;
        decode(postings, function (doc, weight) {
          var s = idf * WEIGHT[weight] * factor;
          if (!(best.get(doc) >= s)) best.set(doc, s);
        });
      });
      best.forEach(function (s, doc) {
        var t = total.get(doc) || { score: 0, words: 0 };
        t.score += s;
        t.words += 1;
        total.set(doc, t);
      });
    });
    var hits = [];
    total.forEach(function (t, doc) {
      if (allowed && !allowed.has(doc)) return;
      var share = t.words / words.length;
      hits.push({ doc: doc, score: t.score * share * share });
    });
    hits.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
    return { words: words, hits: hits };
  };

  /* [location, title, text, kind] of each hit */
  Index.prototype.entries = async function (hits) {
    var m = this.m, self = this;
    var chunks = await Promise.all(hits.map(function (h) {
      return self.json("d/" + Math.floor(h.doc / m.chunk) + ".json");
    }));
    return hits.map(function (h, i) { return chunks[i][h.doc % m.chunk]; });
  };

  /* -- showing results: text nodes only ------------------------------------------------ */

  function marked(norm, text, words) {
    var out = document.createDocumentFragment();
    var re = /[\p{L}\p{N}'’ʼ`´]+/gu, last = 0, match;
    while ((match = re.exec(text))) {
      var found = norm.words(match[0]).some(function (word) {
        var term = norm.stem(word);
        return words.some(function (w) {
          return w.prefix ? term.startsWith(w.term) : term === w.term;
        });
      });
      if (!found) continue;
      out.append(text.slice(last, match.index));
      var mark = document.createElement("mark");
      mark.textContent = match[0];
      out.append(mark);
      last = match.index + match[0].length;
    }
    out.append(text.slice(last));
    return out;
  }

  function plural(labels, lang, n) {
    var form = labels.results[new Intl.PluralRules(lang).select(n)] || labels.results.other;
    return form.replace("#", n.toLocaleString(lang));
  }

  function item(norm, labels, root, entry, words) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var a = document.createElement("a");
    a.className = "md-search-result__link";
    a.href = root + entry[0];
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var title = document.createElement("h3");
    title.className = "pomost-search__title";
    title.append(marked(norm, entry[1], words));
    var kind = document.createElement("p");
    kind.className = "pomost-search__kind";
    kind.textContent = labels.kinds[entry[3]] || "";
    article.append(kind, title);
    if (entry[2]) {
      var text = document.createElement("p");
      text.append(marked(norm, entry[2], words));
      article.append(text);
    }
    a.append(article);
    li.append(a);
    return li;
  }

  /* One search UI: an input, a status line, a result list; optional filters and "more". */
  function Search(el, index, limit) {
    this.el = el;
    this.index = index;
    this.limit = limit;
    this.root = el.getAttribute("data-pomost-root");
    this.input = el.querySelector("[data-pomost-query]");
    this.status = el.querySelector("[data-pomost-status]");
    this.list = el.querySelector("[data-pomost-results]");
    this.more = el.querySelector("[data-pomost-more]");
    this.all = el.querySelector("[data-pomost-all]");
    this.filters = Array.from(el.querySelectorAll("[data-pomost-filter]"));
    this.run = 0;
    this.shown = 0;
  }
  Search.prototype.values = function () {
    var f = {};
    this.filters.forEach(function (s) { if (s.value) f[s.name] = s.value; });
    return f;
  };
  Search.prototype.update = async function (append) {
    var run = ++this.run, query = this.input.value, filters = this.values();
    var self = this;
    // "done" says the list shows this query's results: not while a new search is under way
    if (!append) {
      this.el.removeAttribute("data-pomost-done");
      this.el.removeAttribute("data-pomost-shown");
    }
    if (this.all) {
      var url = new URL(this.all.getAttribute("href"), location.href);
      url.search = query ? "?q=" + encodeURIComponent(query) : "";
      this.all.href = url.pathname + url.search;
    }
    if (!query.trim() && !Object.keys(filters).length) {
      this.list.replaceChildren();
      this.hits = [];
      this.status.textContent = this.labels ? this.labels.type : this.status.textContent;
      if (this.more) this.more.hidden = true;
      this.el.removeAttribute("data-pomost-done");
      this.el.removeAttribute("data-pomost-shown");
      return;
    }
    try {
      var m = await this.index.manifest();
      this.labels = m.labels;
      if (!append) {
        this.status.textContent = m.labels.busy;
        this.result = await this.index.search(query, filters);
        this.shown = 0;
      }
      if (run !== this.run) return;
      var hits = this.result.hits.slice(this.shown, this.shown + this.limit);
      var n = this.result.hits.length;
      // The first few results go on screen as soon as their entries arrive, the rest after:
      // a reader sees the answer one round trip sooner when the hits lie in many files
      // (and a browser opens at most six connections to a site over HTTP/1.1).
      for (var part = 0; part < hits.length || (!append && part === 0); part += FIRST) {
        var entries = await this.index.entries(hits.slice(part, part + FIRST));
        if (run !== this.run) return;
        var items = entries.map(function (e) {
          return item(m.norm, m.labels, self.root, e, self.result.words);
        });
        if (append || part > 0) this.list.append.apply(this.list, items);
        else this.list.replaceChildren.apply(this.list, items);
        this.shown += items.length;
        this.status.textContent = n ? plural(m.labels, m.lang, n) : m.labels.none;
        // "shown": the first results of this query are on screen (make bench times this)
        if (part === 0) this.el.setAttribute("data-pomost-shown", query);
      }
      if (this.more) this.more.hidden = this.shown >= n;
      this.el.setAttribute("data-pomost-done", query);
    } catch (err) {
      if (run !== this.run) return;
      this.status.textContent = (this.labels || {}).failed || String(err);
      throw err;
    }
  };

  /* -- the search box in the header ---------------------------------------------------- */

  function mountBox(el) {
    var index = new Index(el.getAttribute("data-pomost-root"));
    var search = new Search(el, index, 10);
    var toggle = document.getElementById("__search");
    var input = search.input;
    function open(state) { if (toggle) toggle.checked = state; }
    input.addEventListener("focus", function () {
      open(true);
      index.manifest().catch(function () {});  // a reader who focuses the box is about to type
    });
    input.addEventListener("input", function () { search.update(false); });
    el.querySelector("form").addEventListener("reset", function () {
      setTimeout(function () { search.update(false); input.focus(); });
    });
    el.addEventListener("keydown", function (event) {
      var links = Array.from(search.list.querySelectorAll("a"));
      var at = links.indexOf(document.activeElement);
      if (event.key === "Escape") {
        open(false);
        input.blur();
      } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (!links.length) return;
        event.preventDefault();
        var next = event.key === "ArrowDown" ? at + 1 : at - 1;
        if (next < 0) input.focus();
        else links[Math.min(next, links.length - 1)].focus();
      } else if (event.key === "Enter" && document.activeElement === input && links.length) {
        event.preventDefault();
        links[0].click();
      }
    });
  }

  /* -- the search page: filters, all results, the address keeps the query ------------- */

  function mountPage(el) {
    var index = new Index(el.getAttribute("data-pomost-root"));
    var search = new Search(el, index, 20);
    var params = new URLSearchParams(location.search);
    search.input.value = params.get("q") || "";
    search.filters.forEach(function (s) { s.value = params.get(s.name) || ""; });
    function changed() {
      var p = new URLSearchParams();
      if (search.input.value) p.set("q", search.input.value);
      search.filters.forEach(function (s) { if (s.value) p.set(s.name, s.value); });
      history.replaceState(null, "", location.pathname + (p.toString() ? "?" + p : ""));
      search.update(false);
    }
    el.addEventListener("submit", function (event) { event.preventDefault(); changed(); });
    search.input.addEventListener("input", changed);
    search.filters.forEach(function (s) { s.addEventListener("change", changed); });
    if (search.more) search.more.addEventListener("click", function () { search.update(true); });
    if (search.input.value || Object.keys(search.values()).length) search.update(false);
    else index.manifest().catch(function () {});
  }

  function start() {
    document.querySelectorAll("[data-pomost-search=box]").forEach(mountBox);
    document.querySelectorAll("[data-pomost-search=page]").forEach(mountPage);
  }

  /* for tests/browser/test_search_normalisation.py: the normaliser of a manifest's rules */
  window.pomostSearch = { normaliser: normaliser, Index: Index };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
