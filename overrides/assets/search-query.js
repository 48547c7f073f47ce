/*
 * Search queries read the way the index was written (GTC 2024, explained).
 *
 * Material's search sends what the reader typed to its worker as it is. Chinese queries
 * then fail three ways: an unspaced phrase (英伟达投资) is one term, the other script or
 * mainland vocabulary (芯片 on zh-Hant) is not what the pages say, and a page that matches
 * one word of a question can outrank one that matches them all. This script sits between
 * Material and its worker (Material has no query hook):
 *
 * - it cuts Chinese runs into words: the site's dictionary first (store names and the
 *   phrase table, longest match), then Intl.Segmenter; stop words and question words drop;
 * - each word also looks for its page form: characters and phrases from
 *   <lang>/search/search_query.json, written by the build (gtc_site/publish/
 *   search_query_data.py), plus the word as typed; Latin words also look for their
 *   singular and, from five letters, for one typo;
 * - results that match more of the reader's words come first, and search tags (aliases,
 *   other spellings) are shown only where they matched.
 *
 * How: Material creates its worker before this script runs and listens to it. The first
 * search message it posts (the index) goes instead to a worker of our own, running
 * Material's same worker script; Material's worker is stopped. Queries are rewritten on
 * the way in, results re-ranked on the way out and handed to Material's listener as the
 * message event it expects. The reader's box keeps what they typed. Message types are
 * Material's SearchMessageType: 0 setup, 1 ready, 2 query, 3 result.
 *
 * No dependencies, no request beyond the site's own files. Without Worker, the config or
 * the data file, search works as stock Material does.
 */
(function () {
  "use strict";

  var SETUP = 0, QUERY = 2, RESULT = 3;
  var HAN = /\p{sc=Han}/u;
  var HAN_RUN = /\p{sc=Han}+/gu;
  var HAN_WORD = /^\p{sc=Han}+$/u;
  var HAN_PAIR = /(\p{sc=Han})(?=\p{sc=Han})/gu;
  // Words as Material's separator leaves them: letters and digits, with . and ' inside.
  var TOKEN = /\p{sc=Han}+|[\p{L}\p{N}\p{M}]+(?:['’.][\p{L}\p{N}\p{M}]+)*/gu;
  // lunr's English stop words, and words of a question that no page is about.
  var STOP = new Set((
    "a able about across after all almost also am among an and any are as at be because been but by can " +
    "cannot could dear did do does either else ever every for from get got had has have he her hers him his " +
    "how however i if in into is it its just least let like likely may me might most must my neither no nor " +
    "not of off often on only or other our own rather said say says she should since so some than that the " +
    "their them then there these they this tis to too twas us wants was we were what when where which while " +
    "who whom why will with would yet you your many much tell show find explain did whats s"
  ).split(" "));
  // Chinese function words and question words, in both scripts.
  var STOP_HAN = new Set((
    "的 了 和 与 與 及 是 在 把 被 也 都 就 而 或 之 其 这 這 那 个 個 们 們 吗 嗎 呢 吧 啊 着 著 过 過 给 給 对 對 " +
    "从 從 向 于 於 以 为 為 由 等 让 讓 将 將 很 又 还 還 得 地 啥 吗 么 麼 什么 什麼 怎么 怎麼 怎样 怎樣 如何 " +
    "为什么 為什麼 为何 為何 哪些 哪个 哪個 哪里 哪裡 多少 几 幾 是否 有没有 有沒有 关于 關於 有关 有關"
  ).split(" "));
  var LONGEST = 8;
  // Words of a query that are searched (Material sends every keystroke's query).
  var MOST_WORDS = 12;

  if (typeof Worker === "undefined" || typeof Map === "undefined") return;
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
   * The words to cut at: the language's data and the index's own words
   * ------------------------------------------------------------------------- */

  var chars = new Map(), phrases = new Map();
  var prefixes = new Set(); // every beginning (two characters or more) of a known word

  function learn(word) {
    for (var length = 2; length <= Math.min(word.length, LONGEST); length++) prefixes.add(word.slice(0, length));
  }

  var loaded = fetch(new URL("search/search_query.json", base), { credentials: "same-origin" })
    .then(function (response) { return response.ok ? response.json() : {}; })
    .catch(function () { return {}; })
    .then(function (data) {
      var pairs = Array.from(data.chars || "");
      for (var i = 0; i + 1 < pairs.length; i += 2) chars.set(pairs[i], pairs[i + 1]);
      Object.keys(data.phrases || {}).forEach(function (key) { phrases.set(key, data.phrases[key]); });
      (data.words || "").split(" ").forEach(function (word) {
        learn(word);
        learn(bySymbol(word));
      });
    });

  /* The words jieba cut the index into (Material's index message brings them): the
     query is cut where the index was, whatever Intl.Segmenter thinks. */
  function learnIndex(index) {
    var separator;
    try {
      separator = new RegExp(index.config.separator);
    } catch (err) {
      separator = /[\s\u200b]+/u;
    }
    (index.docs || []).forEach(function (doc) {
      [doc.title, doc.text].concat(doc.tags || []).forEach(function (field) {
        String(field || "").split(separator).forEach(function (word) {
          if (word.length >= 2 && HAN_WORD.test(word)) learn(word);
        });
      });
    });
  }

  var segmenter = null;
  try {
    segmenter = new Intl.Segmenter("zh", { granularity: "word" });
  } catch (err) {
    segmenter = null;
  }

  /* ---------------------------------------------------------------------------
   * Reading a query
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

  /* A Chinese run cut into words: at each place, the longest beginning of a known word
     (so that the search term, a prefix, still finds it), Intl.Segmenter in between.
     Cuts the run's characters in the page's script; returns [start, end] pairs. */
  function cut(text) {
    var out = [], rest = -1;
    function flush(end) {
      if (rest < 0) return;
      var part = text.slice(rest, end);
      var pieces = segmenter ? Array.from(segmenter.segment(part)) : [{ segment: part, index: 0 }];
      pieces.forEach(function (piece) {
        out.push([rest + piece.index, rest + piece.index + piece.segment.length]);
      });
      rest = -1;
    }
    for (var i = 0; i < text.length;) {
      var found = 0;
      for (var length = Math.min(LONGEST, text.length - i); length >= 2; length--)
        if (prefixes.has(text.substr(i, length))) {
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

  /* Drop a plural or verb ending: GPUs -> gpu, investments -> investment, trained -> train. */
  function stem(word) {
    var forms = [[/ies$/, "y", 3], [/(ss|sh|ch|x)es$/, "$1", 3], [/([^s'u])s$/, "$1", 3], [/ing$/, "", 4], [/ed$/, "", 4]];
    for (var i = 0; i < forms.length; i++)
      if (forms[i][0].test(word)) {
        var stemmed = word.replace(forms[i][0], forms[i][1]);
        return stemmed.length >= forms[i][2] ? stemmed : word;
      }
    return word;
  }

  /* One of the reader's words: what they typed, and the terms that find it. */
  function concept(typed, terms) {
    var seen = new Set();
    return {
      typed: typed,
      variants: terms.filter(function (term) {
        var key = term.text + (term.fuzzy ? "~" : "");
        if (!term.text || seen.has(key)) return false;
        seen.add(key);
        return true;
      })
    };
  }

  /* The reader's query as concepts, or null to leave it to Material (lunr syntax). */
  function read(query) {
    if (/["+~^*:\\]/.test(query)) return null;
    query = query.normalize("NFKC").replace(HAN_RUN, " $& ");
    var concepts = [], all = [];
    (query.match(TOKEN) || []).forEach(function (token) {
      if (HAN.test(token)) {
        var symbols = bySymbol(token);
        cut(symbols).forEach(function (range) {
          var word = token.slice(range[0], range[1]);
          var entry = concept(word, [
            { text: byPhrase(word) },
            { text: symbols.slice(range[0], range[1]) },
            { text: word }
          ]);
          all.push(entry);
          if (!STOP_HAN.has(word) && !STOP_HAN.has(entry.variants[0].text)) concepts.push(entry);
        });
        return;
      }
      var word = token.toLowerCase().replace(/’/g, "'");
      var terms = [{ text: word }, { text: stem(word) }];
      if (word.length >= 5 && !/\d/.test(word)) terms.push({ text: word, fuzzy: true });
      var entry = concept(word, terms);
      all.push(entry);
      if (!STOP.has(word)) concepts.push(entry);
    });
    if (!concepts.length) concepts = all;
    var seen = new Set();
    concepts = concepts.filter(function (entry) {
      if (seen.has(entry.typed)) return false;
      seen.add(entry.typed);
      return true;
    }).slice(0, MOST_WORDS);
    return concepts.length ? concepts : null;
  }

  /* The query Material's worker gets. Backslashes between Chinese characters keep
     Material's own segmenter (which cuts at any indexed prefix) off our words; lunr's
     query parser drops them. Material adds the trailing wildcard to plain terms. */
  function write(concepts) {
    var terms = [];
    concepts.forEach(function (entry) {
      entry.variants.forEach(function (term) {
        var text = term.text.replace(HAN_PAIR, "$1\\");
        terms.push(term.fuzzy ? text + "~1" : text);
      });
    });
    return terms.join(" ");
  }

  /* ---------------------------------------------------------------------------
   * Ranking and showing results
   * ------------------------------------------------------------------------- */

  var MARK = /<mark>([^<]*)<\/mark>/g;

  function marked(fields) {
    var out = [];
    fields.forEach(function (field) {
      String(field || "").replace(MARK, function (_, word) {
        out.push(word.toLowerCase());
        return "";
      });
    });
    return out;
  }

  /* Edit distance of at most one (lunr's ~1: insert, delete, substitute). */
  function near(a, b) {
    if (Math.abs(a.length - b.length) > 1) return false;
    var i = 0, j = 0, edits = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) {
        i++;
        j++;
        continue;
      }
      if (++edits > 1) return false;
      if (a.length > b.length) i++;
      else if (a.length < b.length) j++;
      else {
        i++;
        j++;
      }
    }
    return edits + (a.length - i) + (b.length - j) <= 1;
  }

  /* Which of the reader's words an item matched (Material's per-term flags, or for a
     typo the words it highlighted), and how many of them are in what the item is about:
     its title, tags or the names it cites. Sets the terms Material shows. */
  function cover(item, concepts) {
    var terms = item.terms || {}, shown = {}, matched = 0, about = 0;
    var headline = marked([item.title].concat(item.tags || [], item.cites || []));
    var body = null;
    concepts.forEach(function (entry) {
      var hit = null, strong = false;
      entry.variants.forEach(function (term) {
        var key = term.text.toLowerCase();
        var found = find(headline, key, term.fuzzy);
        if (found) strong = true;
        if (hit) return;
        if (!term.fuzzy && terms[key] === true) hit = key;
        else if (found) hit = found;
        else if (term.fuzzy) hit = find(body = body || marked([item.text]), key, true);
      });
      if (hit) matched++;
      if (hit && strong) about++;
      shown[hit || entry.typed] = !!hit;
    });
    item.terms = shown;
    return [matched, about];
  }

  function find(words, key, fuzzy) {
    for (var i = 0; i < words.length; i++)
      if (words[i].indexOf(key) === 0 || (fuzzy && near(words[i], key))) return words[i];
    return null;
  }

  function better(a, b) {
    return b.rank[0] - a.rank[0] || b.rank[1] - a.rank[1];
  }

  function rank(result, concepts) {
    var groups = result.items || [];
    var several = concepts && concepts.length > 1;
    groups.forEach(function (group) {
      group.forEach(function (item) {
        if (several) item.rank = cover(item, concepts);
        if (item.tags) {
          item.tags = item.tags.filter(function (tag) { return tag.indexOf("<mark>") >= 0; });
          if (!item.tags.length) delete item.tags;
        }
        delete item.cites;
      });
    });
    if (!several) return result;
    var order = new Map();
    groups.forEach(function (group, index) {
      group.sort(function (a, b) { return better(a, b) || b.score - a.score; });
      order.set(group, index);
    });
    groups.sort(function (a, b) { return better(a[0], b[0]) || order.get(a) - order.get(b); });
    groups.forEach(function (group) {
      group.forEach(function (item) { delete item.rank; });
    });
    return result;
  }

  /* ---------------------------------------------------------------------------
   * Between Material and its worker
   * ------------------------------------------------------------------------- */

  var post = Worker.prototype.postMessage;
  var material = null; // Material's worker: its listener gets our messages
  var worker = null; // ours, running Material's worker script
  var early = false; // Material's worker had the index before this script ran
  var live = false; // ours has the index (only waited for when early)
  var pending = [], last = null;

  function deliver(data) {
    material.dispatchEvent(new MessageEvent("message", { data: data }));
  }

  function send(query) {
    last = query;
    loaded.then(function () {
      var concepts = null, rewritten = query;
      try {
        concepts = read(String(query));
        if (concepts) rewritten = write(concepts);
      } catch (err) {
        concepts = null;
        rewritten = query;
      }
      pending.push(concepts);
      post.call(worker, { type: QUERY, data: rewritten });
    });
  }

  function start(setup) {
    worker = new Worker(new URL(config.search, location.href));
    worker.addEventListener("message", function (event) {
      var data = event.data;
      if (early && !live) {
        // Ours is ready: take over, and answer the query Material's worker may still owe.
        live = true;
        material.terminate();
        if (last !== null) send(last);
        return;
      }
      if (data && data.type === RESULT) {
        try {
          rank(data.data || {}, pending.shift());
        } catch (err) {
          /* results as the worker gave them */
        }
      }
      deliver(data);
    });
    if (setup) {
      material.terminate();
      post.call(worker, setup);
      setTimeout(function () { learnIndex(setup.data); }, 0);
      return;
    }
    // Material posted its index before this script ran: fetch it again (from the cache).
    fetch(new URL("search/search_index.json", base), { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (index) {
        var suggest = (config.features || []).indexOf("search.suggest") >= 0;
        post.call(worker, { type: SETUP, data: { config: index.config, docs: index.docs, options: { suggest: suggest } } });
        learnIndex(index);
      })
      .catch(function () {
        worker.terminate(); // Material's worker goes on alone
      });
  }

  Worker.prototype.postMessage = function (message) {
    var search = message && typeof message === "object" && typeof message.type === "number";
    if (this === worker || !search || (material && this !== material)) return post.apply(this, arguments);
    if (!material) {
      material = this;
      if (message.type === SETUP && message.data && message.data.docs) return start(message);
      early = true;
      start(null);
    }
    if (message.type !== QUERY) return post.call(early && !live ? material : worker, message);
    if (early && !live) {
      last = message.data;
      return post.apply(this, arguments);
    }
    send(message.data);
  };
})();
