/*
 * Search queries read the way the index was written (GTC 2024, explained).
 *
 * Material sends what the reader typed to its search worker as it is. Chinese queries
 * then fail three ways: an unspaced phrase (英伟达投资) is one term, the other script or
 * mainland vocabulary (芯片 on zh-Hant) is not what the pages say, and a page that matches
 * one word of a question can outrank one that matches them all. Material has no query
 * hook, so this script sits between Material and its worker:
 *
 * - Chinese runs are cut into words: the site's dictionary (store names, phrase table;
 *   <lang>/search/search_query.json, written by gtc_site/publish/search_query_data.py)
 *   and the words jieba cut the index into, longest match first, Intl.Segmenter for the
 *   rest; stop words and question words drop out;
 * - each word also looks for its page form (characters and phrases from the same file:
 *   芯片 -> 晶片 on zh-Hant, 機器人 -> 机器人 on zh) and for itself as typed; a Latin word
 *   also for its singular, and when no indexed word starts with it, for the indexed words
 *   one typo away (two from eight letters);
 * - results that match more of the reader's words come first, then those whose title,
 *   tags or cited names hold them; search tags (aliases, spellings) show only where they
 *   matched.
 *
 * How: this script runs before Material's bundle (overrides/main.html loads it first).
 * It holds Material's request for the index until the reader goes to the search box (see
 * `searching`), then watches Material's search worker, known by the first setup message
 * it is sent: queries are rewritten on the way in, results re-ranked on the way out,
 * before Material's listener reads them; the search box keeps what the reader typed.
 * Message types are Material's SearchMessageType: 0 setup, 1 ready, 2 query, 3 result.
 *
 * No dependencies, no request but the site's own files. Without Worker, Intl.Segmenter
 * or the data file, search works as it does without this script, or nearly.
 */
(function () {
  "use strict";

  var SETUP = 0, QUERY = 2, RESULT = 3;
  var HAN = /\p{sc=Han}/u;
  var HAN_WORD = /^\p{sc=Han}+$/u;
  var HAN_RUN = /\p{sc=Han}+/gu;
  var HAN_PAIR = /(\p{sc=Han})(?=\p{sc=Han})/gu;
  var LATIN_WORD = /^[\p{L}\p{N}][\p{L}\p{N}\p{M}'.’]*$/u;
  var TAG = /<[^>]*>/g;
  var MARK = /<mark>([^<]*)<\/mark>/g;
  // Words as Material's separator leaves them: letters and digits, with . and ' inside.
  var TOKEN = /\p{sc=Han}+|[\p{L}\p{N}\p{M}]+(?:['’.][\p{L}\p{N}\p{M}]+)*/gu;
  // lunr's English stop words, and words of a question that no page is about.
  var STOP = new Set((
    "a able about across after all almost also am among an and any are as at be because been but by can " +
    "cannot could dear did do does either else ever every for from get got had has have he her hers him his " +
    "how however i if in into is it its just least let like likely may me might most must my neither no nor " +
    "not of off often on only or other our own rather said say says she should since so some than that the " +
    "their them then there these they this tis to too twas us wants was we were what when where which while " +
    "who whom why will with would yet you your many much tell show find explain whats s"
  ).split(" "));
  // Chinese function words and question words, in both scripts.
  var STOP_HAN = new Set((
    "的 了 和 与 與 及 是 在 把 被 也 都 就 而 或 之 其 这 這 那 个 個 们 們 吗 嗎 呢 吧 啊 着 著 过 過 给 給 对 對 " +
    "从 從 向 于 於 以 为 為 由 等 让 讓 将 將 很 又 还 還 得 地 啥 么 麼 什么 什麼 怎么 怎麼 怎样 怎樣 如何 " +
    "为什么 為什麼 为何 為何 哪些 哪个 哪個 哪里 哪裡 多少 几 幾 是否 有没有 有沒有 关于 關於 有关 有關"
  ).split(" "));
  var LONGEST = 8; // characters of the longest word tried at a place
  var MOST_WORDS = 12; // words of a query searched
  var MOST_TYPOS = 3; // indexed words tried for a mistyped one
  var FIRST_TERM = 4; // weight of a word's own term beside its variants (lunr query boost)
  var LEARNT_AT_ONCE = 300; // index entries read per task

  if (typeof Worker === "undefined" || typeof Map === "undefined" || typeof Set === "undefined" || typeof WeakMap === "undefined" || typeof WeakSet === "undefined") return;
  var element = document.getElementById("__config");
  if (!element) return;
  var config;
  try {
    config = JSON.parse(element.textContent);
  } catch (err) {
    return;
  }
  if (!config.search) return;
  var base = new URL(String(config.base || ".").replace(/\/?$/, "/"), location.href);

  /* ---------------------------------------------------------------------------
   * What is known: the language's data, and the words of its index
   * ------------------------------------------------------------------------- */

  var chars = new Map(), phrases = new Map();
  var known = new Set(); // beginnings (two characters or more) of dictionary and indexed words
  var indexed = new Set(); // beginnings of indexed words only
  var latin = [], counts = new Map(); // indexed Latin words, sorted; how often each occurs
  var ready = false; // the index's words are learnt

  function learn(set, word) {
    for (var length = 2; length <= Math.min(word.length, LONGEST); length++) set.add(word.slice(0, length));
  }

  /* Material requests the index as the page loads (an XMLHttpRequest), then parses it and
     copies it to its worker: work on every page, for readers who never search, that
     Lighthouse counts as blocking time. That request, and ours for the language's data,
     wait until the reader goes to the search box (or opens an address with ?q=, which
     Material searches at once); by then the prefetch in overrides/main.html has usually
     brought the index. */
  var searching = new Promise(function (resolve) {
    if (/[?&]q=/.test(location.search)) return resolve();
    document.addEventListener("focusin", function (event) {
      if (event.target instanceof Element && event.target.matches("input.md-search__input")) resolve();
    });
    document.addEventListener("change", function (event) {
      if (event.target instanceof Element && event.target.id === "__search" && event.target.checked) resolve();
    });
  });
  var INDEX = /\/search\/search_index\.json$/;
  var held = new WeakSet(); // requests for the index, sent once the reader searches
  var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    if (INDEX.test(String(url).split("?")[0])) held.add(this);
    else held.delete(this);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (!held.has(this)) return send.apply(this, arguments);
    var self = this, args = arguments;
    searching.then(function () { send.apply(self, args); });
  };

  var loaded = searching
    .then(function () { return fetch(new URL("search/search_query.json", base), { credentials: "same-origin" }); })
    .then(function (response) { return response.ok ? response.json() : {}; })
    .catch(function () { return {}; })
    .then(function (data) {
      var pairs = Array.from(data.chars || "");
      for (var i = 0; i + 1 < pairs.length; i += 2) chars.set(pairs[i], pairs[i + 1]);
      Object.keys(data.phrases || {}).forEach(function (key) { phrases.set(key, data.phrases[key]); });
      (data.words || "").split(" ").concat(Array.from(phrases.keys())).forEach(function (word) {
        learn(known, word);
        learn(known, bySymbol(word));
      });
    });

  /* The words of the index Material's setup message brings: Chinese as jieba cut them,
     Latin words for typos. A few hundred entries at a time, between other tasks, so that
     a large index does not hold up the page. */
  function learnIndex(index) {
    var separator, docs = index.docs || [], words = new Map(), next = 0;
    try {
      separator = new RegExp(index.config.separator);
    } catch (err) {
      separator = /[\s\u200b]+/;
    }
    function slice() {
      for (var end = Math.min(next + LEARNT_AT_ONCE, docs.length); next < end; next++) {
        var doc = docs[next];
        [doc.title, doc.text].concat(doc.tags || []).forEach(function (field) {
          String(field || "").replace(TAG, " ").split(separator).forEach(function (word) {
            words.set(word, (words.get(word) || 0) + 1);
          });
        });
      }
      if (next < docs.length) return setTimeout(slice, 0);
      words.forEach(function (count, word) {
        if (word.length < 2) return;
        if (HAN_WORD.test(word)) {
          learn(known, word);
          learn(indexed, word);
        } else if (word.length >= 3 && LATIN_WORD.test(word)) {
          word = word.toLowerCase();
          counts.set(word, (counts.get(word) || 0) + count);
        }
      });
      latin = Array.from(counts.keys()).sort();
      ready = true;
      document.documentElement.setAttribute("data-search-words", "ready");
    }
    slice();
  }

  /* Made at the first query: loading the Chinese word data is a long task the page's
     load does not need. */
  var segmenter;
  function segmenterForChinese() {
    if (segmenter === undefined) {
      try {
        segmenter = new Intl.Segmenter("zh", { granularity: "word" });
      } catch (err) {
        segmenter = null;
      }
    }
    return segmenter;
  }

  /* ---------------------------------------------------------------------------
   * Chinese: script, vocabulary and words
   * ------------------------------------------------------------------------- */

  /* Characters in the page's script, one for one. */
  function bySymbol(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) out += chars.get(text[i]) || text[i];
    return out;
  }

  /* A word in the page's script and vocabulary: phrases (longest first), then characters. */
  function byPhrase(word) {
    var out = "";
    for (var i = 0; i < word.length;) {
      var found = 0;
      for (var length = Math.min(LONGEST, word.length - i); length >= 2; length--)
        if (phrases.has(word.substr(i, length))) {
          found = length;
          break;
        }
      if (found) {
        out += phrases.get(word.substr(i, found));
        i += found;
      } else {
        out += chars.get(word[i]) || word[i];
        i += 1;
      }
    }
    return out;
  }

  /* Chinese text cut into words, as [start, end] pairs: at each place the longest
     beginning of a known word (the search term is a prefix, so it still finds that word),
     Intl.Segmenter between such words. */
  function cut(text, words) {
    var out = [], rest = -1;
    function flush(end) {
      if (rest < 0) return;
      var part = text.slice(rest, end);
      var words = segmenterForChinese();
      var pieces = words ? Array.from(words.segment(part)) : [{ segment: part, index: 0 }];
      pieces.forEach(function (piece) {
        out.push([rest + piece.index, rest + piece.index + piece.segment.length]);
      });
      rest = -1;
    }
    for (var i = 0; i < text.length;) {
      var found = 0;
      for (var length = Math.min(LONGEST, text.length - i); length >= 2; length--)
        if (words.has(text.substr(i, length))) {
          found = length;
          break;
        }
      if (found) {
        flush(i);
        out.push([i, i + found]);
        i += found;
      } else {
        if (rest < 0) rest = i;
        i += 1;
      }
    }
    flush(text.length);
    return out;
  }

  /* The words of a Chinese run, each with the terms that find it. */
  function chinese(run) {
    var symbols = bySymbol(run), out = [];
    cut(symbols, known).forEach(function (range) {
      var typed = run.slice(range[0], range[1]);
      var page = byPhrase(typed), same = symbols.slice(range[0], range[1]);
      if (ready && page.length > 2 && !indexed.has(page.slice(0, LONGEST))) {
        // A word the index has cut smaller (運算微影 is 運算|微影 there): its pieces, each
        // also found by the whole word as typed (a search tag may hold it).
        var pieces = cut(page, indexed);
        if (pieces.length > 1) {
          pieces.forEach(function (piece) {
            var word = page.slice(piece[0], piece[1]);
            out.push(concept(word, [word, same, typed]));
          });
          return;
        }
      }
      out.push(concept(typed, [page, same, typed]));
    });
    return out.filter(function (entry) { return !STOP_HAN.has(entry.typed) && !STOP_HAN.has(entry.terms[0]); });
  }

  /* ---------------------------------------------------------------------------
   * Latin words: singular and typos
   * ------------------------------------------------------------------------- */

  /* A word's shorter forms, each the beginning its other forms share: GPUs -> gpu,
     investments -> investment, invest (investing), trained -> train. */
  function stems(word) {
    var forms = [
      [/ies$/, "y", 3], [/(ss|sh|ch|x)es$/, "$1", 3], [/([^s'u])s$/, "$1", 3],
      [/(ment|ation|ing)$/, "", 5], [/ed$/, "", 4]
    ];
    var out = [];
    for (var i = 0; i < forms.length; i++) {
      var stemmed = word.replace(forms[i][0], forms[i][1]);
      if (stemmed !== word && stemmed.length >= forms[i][2]) out.push(word = stemmed);
    }
    return out;
  }

  /* Some indexed word starts with prefix (binary search of the sorted words). */
  function begins(prefix) {
    var low = 0, high = latin.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (latin[middle] < prefix) low = middle + 1;
      else high = middle;
    }
    return low < latin.length && latin[low].indexOf(prefix) === 0;
  }

  /* Edit distance (insert, delete, substitute, swap two neighbours) up to limit, else limit + 1. */
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var before = [], previous = [], current = [];
    for (var j = 0; j <= b.length; j++) previous[j] = j;
    for (var i = 1; i <= a.length; i++) {
      current = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2] + 1);
        current[j] = value;
        best = Math.min(best, value);
      }
      if (best > limit) return limit + 1;
      before = previous;
      previous = current;
    }
    return previous[b.length];
  }

  /* The indexed words a mistyped word probably meant: nearest first, then most frequent. */
  function typos(word) {
    if (!ready || word.length < 4 || /\d/.test(word) || begins(word)) return [];
    var limit = word.length >= 8 ? 2 : 1, found = [];
    for (var i = 0; i < latin.length; i++) {
      var d = distance(word, latin[i], limit);
      if (d <= limit) found.push([d, -counts.get(latin[i]), latin[i]]);
    }
    found.sort(function (x, y) { return x[0] - y[0] || x[1] - y[1]; });
    return found.slice(0, MOST_TYPOS).map(function (entry) { return entry[2]; });
  }

  /* ---------------------------------------------------------------------------
   * Reading and writing a query
   * ------------------------------------------------------------------------- */

  /* One of the reader's words: what they typed, and the search terms that find it. */
  function concept(typed, terms) {
    return {
      typed: typed,
      terms: terms.filter(function (term, index) { return term && terms.indexOf(term) === index; })
    };
  }

  /* The reader's query as words, or null to leave it to Material (lunr's own syntax). */
  function read(query) {
    if (/["+~^*:\\]/.test(query)) return null;
    var words = [], all = [];
    (query.normalize("NFKC").replace(HAN_RUN, " $& ").match(TOKEN) || []).forEach(function (token) {
      if (HAN.test(token)) {
        chinese(token).forEach(function (entry) { words.push(entry); });
        return;
      }
      var word = token.toLowerCase().replace(/’/g, "'");
      var entry = concept(word, [word].concat(stems(word), typos(word)));
      all.push(entry);
      if (!STOP.has(word)) words.push(entry);
    });
    if (!words.length) words = all;
    var seen = new Set();
    words = words.filter(function (entry) {
      if (seen.has(entry.typed)) return false;
      seen.add(entry.typed);
      return true;
    });
    return words.length ? words.slice(0, MOST_WORDS) : null;
  }

  /* The query Material's worker gets: every term as a prefix search, the first of each
     word (its page form, or as typed) weighing more than the others (as typed, singular,
     typos). A backslash between Chinese characters keeps Material's own segmenter (it cuts
     at any indexed beginning) off our words; lunr's query parser drops it. */
  function write(words) {
    var terms = [];
    words.forEach(function (entry) {
      entry.terms.forEach(function (term, index) {
        terms.push(term.replace(HAN_PAIR, "$1\\") + "*^" + (index ? 1 : FIRST_TERM));
      });
    });
    return terms.join(" ");
  }

  /* ---------------------------------------------------------------------------
   * Ranking and showing results
   * ------------------------------------------------------------------------- */

  function marked(fields) {
    var out = [];
    fields.forEach(function (field) {
      String(field || "").replace(MARK, function (_, word) {
        out.push(word.toLowerCase().replace(/['’]s$/, ""));
        return "";
      });
    });
    return out;
  }

  // How much a word found in each field says about what an item is about: the whole
  // word, or only its beginning (the reader may still be typing).
  var ABOUT = { title: [1, 0.6], tags: [1, 0.6], cites: [0.3, 0.2] };
  var VARIANT = 0.5;

  /* [words of the query the item matched, how much its title, tags and cited names are
     about them]. Sets the terms Material shows: the word found, or the one typed. */
  function cover(item, words) {
    var terms = item.terms || {}, shown = {}, matched = 0, about = 0;
    var fields = {
      title: marked([item.title]),
      tags: marked(item.tags || []),
      cites: marked(item.cites || [])
    };
    words.forEach(function (entry) {
      var hit = null, weight = 0;
      entry.terms.forEach(function (term, index) {
        var key = term.toLowerCase();
        if (terms[key] !== true) return;
        hit = hit || key;
        // A variant (as typed in the other script, singular, typo) says less than the word.
        var scale = index ? VARIANT : 1;
        Object.keys(ABOUT).forEach(function (field) {
          fields[field].forEach(function (word) {
            if (word.indexOf(key) === 0) weight = Math.max(weight, scale * ABOUT[field][word === key ? 0 : 1]);
          });
        });
      });
      if (hit) matched++;
      about += weight;
      shown[hit || entry.typed] = !!hit;
    });
    item.terms = shown;
    return [matched, about];
  }

  function better(a, b) {
    return b.rank[0] - a.rank[0] || b.rank[1] - a.rank[1];
  }

  function rank(result, words) {
    var groups = result.items || [];
    groups.forEach(function (group) {
      group.forEach(function (item) {
        item.rank = words ? cover(item, words) : [0, 0];
        if (item.tags) {
          item.tags = item.tags.filter(function (tag) { return tag.indexOf("<mark>") >= 0; });
          if (!item.tags.length) delete item.tags;
        }
        delete item.cites;
      });
    });
    // A page ranks by its best item, and by how much any of its items is about the words
    // (a chapter titled Blackwell whose section has both words of "Blackwell 功耗").
    groups.forEach(function (group) {
      group.sort(function (a, b) { return better(a, b) || b.score - a.score; });
      group.about = Math.max.apply(null, group.map(function (item) { return item.rank[1]; }));
    });
    groups.sort(function (a, b) {
      return b[0].rank[0] - a[0].rank[0] || b.about - a.about || b[0].rank[1] - a[0].rank[1] || b[0].score - a[0].score;
    });
    // Scores that follow this order: Material's Enter key opens the highest-scored result,
    // and folds a page's items scored below its first one.
    var score = groups.reduce(function (total, group) { return total + group.length; }, 0);
    groups.forEach(function (group) {
      delete group.about;
      group.forEach(function (item) {
        delete item.rank;
        item.score = score--;
      });
    });
    return result;
  }

  /* ---------------------------------------------------------------------------
   * Between Material and its worker
   * ------------------------------------------------------------------------- */

  var post = Worker.prototype.postMessage;
  var material = null; // Material's search worker, known by the first setup message it gets
  var pending = []; // the words of each query sent, in order: the worker answers in order

  Worker.prototype.postMessage = function (message) {
    var search = message && typeof message === "object" && typeof message.type === "number";
    if (!search || (material && this !== material)) return post.apply(this, arguments);
    if (!material && message.type === SETUP && message.data && message.data.docs) {
      material = this;
      learnIndex(message.data);
    }
    if (this !== material || message.type !== QUERY) return post.apply(this, arguments);
    var worker = this, query = message.data;
    loaded.then(function () {
      var words = null, rewritten = query;
      try {
        words = read(String(query));
        if (words) rewritten = write(words);
      } catch (err) {
        words = null;
        rewritten = query;
      }
      pending.push(words);
      post.call(worker, { type: QUERY, data: rewritten });
    });
  };

  /* Results reach Material's listener re-ranked: each message listener of a worker is
     wrapped (the same wrapper for the same listener, so that it can be removed). */
  var wrappers = new WeakMap();
  function wrapped(listener) {
    if (!wrappers.has(listener)) {
      wrappers.set(listener, function (event) {
        var data = event.data;
        if (this === material && data && data.type === RESULT) {
          try {
            rank(data.data || {}, pending.shift());
          } catch (err) {
            /* the results as the worker gave them */
          }
        }
        return listener.apply(this, arguments);
      });
    }
    return wrappers.get(listener);
  }
  ["addEventListener", "removeEventListener"].forEach(function (name) {
    var method = Worker.prototype[name];
    Worker.prototype[name] = function (type, listener) {
      if (type !== "message" || typeof listener !== "function") return method.apply(this, arguments);
      var args = Array.prototype.slice.call(arguments);
      args[1] = wrapped(listener);
      return method.apply(this, args);
    };
  });
})();
