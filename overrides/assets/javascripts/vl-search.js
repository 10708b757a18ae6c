/*
 * Việt–Lào digest: the header search box (partials/vl-search.html) over the generator's static
 * index in tim-kiem/ (generator/searchindex.py describes its format).
 *
 * - Nothing is fetched until the reader focuses the box; then tim-kiem/index.json (a few
 *   numbers), and for a query only the shards of its own words and the documents shown.
 * - Queries are cut into syllables and folded exactly as the generator does (NFC, lower case,
 *   letters and digits only, accents removed, đ→d): `to lam` finds "Tô Lâm", `dac` "đặc",
 *   decomposed (NFD) input the same pages as composed.
 * - Every syllable must occur, whole, except the last while it is being typed (no space or sign
 *   after it): it also stands for the commonest syllables that go on from it (`c` shards), so
 *   `quoc ph` finds "quốc phòng". Ranking: the last word found as typed (with its accents, if it
 *   has any), then words typed with accents found with those accents, then the theme or person
 *   page whose whole title is the query (`to lam` → Tô Lâm's page), then adjacent words found
 *   side by side, then words in the title, then newest first. A word typed without accents
 *   matches any accents; results mark the words typed with accents only where the accents are
 *   the same (`năm` marks "năm", not "Nam").
 * - Every URL is resolved against Material's base_url (relative, or absolute on 404.html), so the
 *   site works under a sub-path, at a domain's root, and on a 404 page at any depth.
 * - Titles, dates and summaries are inserted as text; <mark> elements are made here.
 * - Keys as in Material: Enter opens the first result (of the query in the box, once it is in),
 *   ArrowDown/ArrowUp move through the results, Escape closes, `/`, `s` or `f` opens; the focus
 *   leaving the dialog for the page (by Tab) closes it too.
 */
(function () {
  "use strict";

  const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const BITMAP = "~";
  const WHOLE = "="; // before a page's whole folded title, in `w` shards (searchindex.py: WHOLE)
  const VERSION = 2;
  const VALUE = new Map([...ALPHABET].map((c, i) => [c, i]));
  const TOKEN = /[\p{L}\p{N}]+/gu;
  const CRC = new Uint32Array(256).map((_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c;
  });
  const utf8 = new TextEncoder();

  /* Syllables as written: NFC, lower case, letters and digits (generator/searchindex.py: tokens). */
  function tokens(text) {
    return text.normalize("NFC").toLowerCase().match(TOKEN) || [];
  }

  /* A syllable without accents, đ→d (searchindex.py: fold). */
  function fold(token) {
    return token.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").replaceAll("đ", "d");
  }

  function terms(text) {
    return tokens(text).map((t) => [t, fold(t)]);
  }

  /* Whether `text` ends inside a word: its last word may still be being typed (searchindex.py:
     ends_in_word). */
  function endsInWord(text) {
    return /[\p{L}\p{N}]$/u.test(text.normalize("NFC").toLowerCase()); // a syllable's character last
  }

  /* CRC-32 of the UTF-8 term; a whole title (`=to lam`) goes with its first syllable (`to`). */
  function shardOf(term, shards) {
    if (term.startsWith(WHOLE)) term = term.slice(WHOLE.length).split(" ")[0];
    let c = 0xffffffff;
    for (const byte of utf8.encode(term)) c = CRC[(c ^ byte) & 0xff] ^ (c >>> 8);
    return ((c ^ 0xffffffff) >>> 0) % shards;
  }

  /* Doc ids from their text form: delta varints, or `~` and a bitmap (searchindex.py: encode). */
  function decode(text) {
    const ids = [];
    if (text.startsWith(BITMAP)) {
      for (let k = 1; k < text.length; k++) {
        const v = VALUE.get(text[k]);
        for (let j = 0; j < 6; j++) if ((v >> j) & 1) ids.push(6 * (k - 1) + j);
      }
      return ids;
    }
    let value = 0;
    let scale = 1;
    let last = -1;
    for (const c of text) {
      const v = VALUE.get(c);
      value += (v & 31) * scale;
      scale *= 32;
      if (!(v & 32)) {
        last += value + 1;
        ids.push(last);
        value = 0;
        scale = 1;
      }
    }
    return ids;
  }

  /* The words to highlight for a query (its terms): folded word → the forms typed with accents,
     null when typed without (then any accents are marked: `nam` marks "Nam" and "năm", `năm` only
     "năm"). */
  function marked(query, completions = []) {
    const map = new Map();
    for (const [exact, f] of query) {
      const forms = map.get(f);
      if (exact === f || forms === null) map.set(f, null);
      else map.set(f, (forms || new Set()).add(exact));
    }
    for (const f of completions) if (!map.has(f)) map.set(f, null); // found for a beginning typed
    return map;
  }

  /* The matches (of TOKEN) in `text` of the words to highlight (`marked`). */
  function marksIn(text, words) {
    return [...text.matchAll(TOKEN)].filter((match) => {
      const forms = words.get(fold(match[0]));
      return forms === null || (forms !== undefined && forms.has(match[0].normalize("NFC").toLowerCase()));
    });
  }

  window.vlSearch = Object.freeze({ terms, endsInWord, shardOf, decode, marked, marksIn });

  const root = document.querySelector("[data-vl-search]");
  if (!root) return;
  const toggle = document.getElementById("__search");
  const form = root.querySelector("form");
  const input = root.querySelector(".md-search__input");
  const meta = root.querySelector(".md-search-result__meta");
  const list = root.querySelector(".md-search-result__list");
  const more = root.querySelector(".vl-search__more");
  const output = root.querySelector(".md-search__output");
  const results = root.querySelector(".md-search-result");
  const label = (name, n) => (root.dataset["label" + name] || "").replace("{n}", String(n));

  const PAGE_SIZE = 10;
  const DEBOUNCE_MS = 120;

  // The site's root as a folder URL: data-base is relative (`.`, `../..`) except on 404.html,
  // where it is absolute and ends with a slash (`/viet-lao-digest/`, `/`).
  const dir = root.dataset.base || ".";
  const base = new URL(dir.endsWith("/") ? dir : dir + "/", document.baseURI);
  const cache = new Map(); // path in tim-kiem/ → promise of its JSON
  let latest = 0; // the newest query: older answers arriving late are dropped
  let shown = []; // doc ids of the current results, best first
  let listed = 0; // how many of them were put in the list
  let words = new Map(); // the current query's words to highlight (`marked`)
  let timer = null;
  let pending = null; // the newest search: { text, done }, for an Enter pressed before its results

  function file(path) {
    if (!cache.has(path)) {
      const loading = fetch(new URL("tim-kiem/" + path, base)).then((response) => {
        if (!response.ok) throw new Error(`tim-kiem/${path}: ${response.status}`);
        return response.json();
      });
      loading.catch(() => cache.delete(path));
      cache.set(path, loading);
    }
    return cache.get(path);
  }

  async function index() {
    const info = await file("index.json");
    if (info.version !== VERSION) throw new Error(`search index version ${info.version}, expected ${VERSION}`);
    return info;
  }

  /* The index entry of `term` in shards of `kind`, or undefined. */
  async function entry(info, kind, term) {
    const shard = await file(`${kind}/${shardOf(term, info.shards[kind])}.json`);
    return Object.hasOwn(shard, term) ? shard[term] : undefined;
  }

  /* The completions of the last word of `query` if it is still being typed (`open`) and not
     also an earlier word: the syllables it stands for besides itself; null when it is whole. */
  async function begun(info, query, open) {
    const last = query[query.length - 1][1];
    if (!open || query.slice(0, -1).some(([, f]) => f === last)) return null;
    return (await entry(info, "c", last)) || [];
  }

  /* Doc ids holding every word of `query`, best first, and the syllables found for the last
     word's beginning (`begun`). */
  async function search(query, open) {
    const info = await index();
    const typed = [...new Set(query.filter(([exact, f]) => exact !== f).map(([exact]) => exact))];
    const folded = [...new Set(query.map(([, f]) => f))];
    const pairs = [...new Set(query.slice(1).map(([, f], i) => `${query[i][1]} ${f}`))];
    const last = query[query.length - 1][1];
    const before = query.length > 1 ? query[query.length - 2][1] + " " : null; // the last pair's first word
    const completing = begun(info, query, open);
    const [found, phrases, exact, whole, [extra, extraPairs]] = await Promise.all([
      Promise.all(folded.map((t) => entry(info, "w", t))),
      Promise.all(pairs.map((t) => entry(info, "p", t))),
      Promise.all(typed.map((t) => entry(info, "x", t))),
      entry(info, "w", WHOLE + query.map(([, f]) => f).join(" ")),
      completing.then((c) =>
        Promise.all([
          Promise.all((c || []).map((t) => entry(info, "w", t))),
          Promise.all(before === null ? [] : (c || []).map((t) => entry(info, "p", before + t))),
        ]),
      ),
    ]);
    const completions = await completing;
    const alone = completions === null;
    // Every word as typed, or the last (when begun) as typed or as one of its completions.
    const words = alone ? found : found.filter((_, i) => folded[i] !== last);
    const either = alone ? [] : [found[folded.indexOf(last)], ...extra].filter((e) => e !== undefined);
    if (words.some((e) => e === undefined) || (!alone && !either.length)) return { ids: [], more: [] };
    const n = info.docs;
    const hits = new Uint16Array(n);
    const score = {
      typed: new Uint16Array(n),
      exact: new Uint16Array(n),
      whole: new Uint16Array(n),
      phrase: new Uint16Array(n),
      title: new Uint16Array(n),
    };
    const count = (postings, into) => {
      for (const id of decode(postings)) into[id] += 1;
    };
    for (const [all, title] of words) {
      count(all, hits);
      if (title) count(title, score.title);
    }
    if (!alone) {
      // A document counts the last word once, however many of its completions it holds.
      const any = new Uint8Array(n);
      const inTitle = new Uint8Array(n);
      for (const [all, title] of either) {
        for (const id of decode(all)) any[id] = 1;
        if (title) for (const id of decode(title)) inTitle[id] = 1;
      }
      // The word as typed: with its accents if it has any (`Tô Lâ` ranks no page first for `là`).
      const lastTyped = query[query.length - 1][0];
      const asTyped = lastTyped === last ? found[folded.indexOf(last)]?.[0] : exact[typed.indexOf(lastTyped)];
      if (asTyped) count(asTyped, score.typed);
      // The last pair with a completion counts as the pair as typed does, once per document.
      const side = new Uint8Array(n);
      for (const p of extraPairs) if (p) for (const id of decode(p)) side[id] = 1;
      const typedPair = before === null ? undefined : phrases[pairs.indexOf(before + last)];
      if (typedPair) for (const id of decode(typedPair)) side[id] = 0; // counted with `phrases`
      for (let id = 0; id < n; id++) {
        hits[id] += any[id];
        score.title[id] += inTitle[id];
        score.phrase[id] += side[id];
      }
    }
    for (const p of phrases) if (p) count(p, score.phrase);
    for (const x of exact) if (x) count(x, score.exact);
    if (whole) count(whole[0], score.whole);
    const ids = [];
    const needed = words.length + (alone ? 0 : 1);
    for (let id = 0; id < n; id++) if (hits[id] === needed) ids.push(id);
    ids.sort(
      (a, b) =>
        score.typed[b] - score.typed[a] ||
        score.exact[b] - score.exact[a] ||
        score.whole[b] - score.whole[a] ||
        score.phrase[b] - score.phrase[a] ||
        score.title[b] - score.title[a] ||
        a - b,
    );
    return { ids, more: completions || [] };
  }

  /* `text` as nodes: the query's words in <mark>, the rest as text. */
  function highlighted(element, text) {
    let at = 0;
    for (const match of marksIn(text, words)) {
      element.append(text.slice(at, match.index));
      const mark = document.createElement("mark");
      mark.textContent = match[0];
      element.append(mark);
      at = match.index + match[0].length;
    }
    element.append(text.slice(at));
    return element;
  }

  function item([url, title, date, summary]) {
    const li = document.createElement("li");
    li.className = "md-search-result__item";
    const a = document.createElement("a");
    a.className = "md-search-result__link";
    a.href = new URL(url, base).href;
    const article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    const icon = document.createElement("div");
    icon.className = "md-search-result__icon md-icon";
    article.append(icon, highlighted(document.createElement("h1"), title));
    if (date) {
      const when = document.createElement("p");
      when.className = "vl-search__date";
      when.textContent = date;
      article.append(when);
    }
    article.append(highlighted(document.createElement("p"), summary));
    a.append(article);
    li.append(a);
    return li;
  }

  async function showMore(id) {
    const info = await index();
    if (id !== latest) return; // a newer query owns `shown` now
    const per = info.docs_per_shard;
    const batch = shown.slice(listed, listed + PAGE_SIZE);
    listed += batch.length;
    const shards = await Promise.all(batch.map((doc) => file(`d/${Math.floor(doc / per)}.json`)));
    if (id !== latest) return;
    const rows = batch.map((doc, i) => shards[i][doc % per]);
    // Links stay on this site: a URL from the index that resolves elsewhere is not shown.
    const added = rows.filter(([url]) => new URL(url, base).origin === base.origin).map(item);
    list.append(...added);
    const done = listed >= shown.length;
    // The last batch hides the button: the focus it had goes on to the first new result, not
    // to the page behind the open dialog.
    if (done && document.activeElement === more && added.length) added[0].querySelector("a").focus();
    more.hidden = done;
  }

  /* Answer `text`; when done, the result list carries data-query="<text>" (tests wait for it). */
  async function run(text) {
    const id = ++latest;
    list.replaceChildren();
    more.hidden = true;
    shown = [];
    listed = 0;
    delete results.dataset.query;
    const query = terms(text);
    if (!query.length) {
      meta.textContent = label("Hint");
      return;
    }
    meta.textContent = label("Loading");
    try {
      const found = await search(query, endsInWord(text));
      if (id !== latest) return;
      shown = found.ids;
      words = marked(query, found.more);
      meta.textContent = shown.length ? label("Count", shown.length) : label("None");
      await showMore(id);
      if (id === latest) results.dataset.query = text;
    } catch (err) {
      if (id === latest) meta.textContent = label("Error");
      throw err;
    }
  }

  /* Search for `text` now (a query typed is searched after a pause). */
  function start(text) {
    clearTimeout(timer);
    pending = { text, done: run(text) };
    return pending.done;
  }

  /* Open or close the dialog as Material does (its `setToggle`): by a click on the toggle, whose
     change event its observers follow (on a phone it locks the page's scrolling while open). */
  function setOpen(value) {
    if (toggle && toggle.checked !== value) toggle.click();
  }

  function open() {
    setOpen(true);
    index().catch(() => {}); // the first query's error says it
  }

  function close() {
    setOpen(false);
    // The box or a result had the focus: it leaves them now (inert alone moves it a frame later).
    if (root.contains(document.activeElement)) document.activeElement.blur();
  }

  input.addEventListener("focus", open);
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => start(input.value), DEBOUNCE_MS);
  });
  // Enter opens the first result of the query in the box, once its results are in: an Enter
  // pressed right after typing searches at once, or waits for the search under way.
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = input.value;
    const done = pending && pending.text === text ? pending.done : start(text);
    clearTimeout(timer);
    try {
      await done;
    } catch {
      return; // the panel says the index could not be loaded
    }
    const first = list.querySelector("a");
    if (first && input.value === text) window.location.href = first.href;
  });
  form.addEventListener("reset", () => {
    start("");
    input.focus();
  });
  more.addEventListener("click", () => showMore(latest));
  if (toggle) {
    // Closed, the results are out of reach (Material only shrinks them): Tab does not walk
    // through links the reader cannot see, and a result that had the focus (Escape) loses it.
    output.inert = !toggle.checked;
    toggle.addEventListener("change", () => {
      output.inert = !toggle.checked;
      if (toggle.checked) input.focus();
    });
    // Focus leaving the dialog for the page (Tab past its last stop, Shift-Tab before the box)
    // closes it, or the overlay would dim and cover what has the focus. A click inside the
    // dialog keeps the focus in it (or nowhere), and the window losing the focus has no
    // relatedTarget: both leave it open.
    const opener = document.querySelector("label.md-header__button[for='__search']");
    root.addEventListener("focusout", (event) => {
      const to = event.relatedTarget;
      if (to instanceof Node && !root.contains(to) && !(opener && opener.contains(to))) setOpen(false);
    });
  }
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && toggle && toggle.checked) {
      close();
    } else if ((event.key === "ArrowDown" || event.key === "ArrowUp") && root.contains(event.target)) {
      // As in Material: the arrows move the focus from the box through the results, and around.
      const stops = [input, ...root.querySelectorAll(".md-search-result__link, .vl-search__more:not([hidden])")];
      const at = Math.max(0, stops.indexOf(event.target));
      stops[(at + (event.key === "ArrowDown" ? 1 : stops.length - 1)) % stops.length].focus();
      event.preventDefault();
    } else if (["/", "s", "f"].includes(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey) {
      const target = event.target;
      if (target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) {
        return;
      }
      event.preventDefault();
      input.focus();
    }
  });
})();
