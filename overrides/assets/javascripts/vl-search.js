/*
 * Việt–Lào digest: the header search box (partials/vl-search.html) over Pagefind.
 *
 * - Nothing is fetched until the reader focuses the box; then pagefind/pagefind.js loads the
 *   index chunks and page fragments a query needs, never the whole index.
 * - Queries are NFC-normalised: text typed as decomposed (NFD) letters finds the same pages.
 * - Pagefind folds accents (to lam → Tô Lâm) but not đ, which is a letter of its own: a word
 *   typed with d is also looked up with đ (dac → đặc), keeping the forms the index holds.
 * - Every URL is relative to the page (Material's base_url), so the site works under a sub-path.
 * - Result titles and excerpts are inserted as text; only Pagefind's <mark> is kept.
 */
(function () {
  "use strict";

  const root = document.querySelector("[data-vl-search]");
  if (!root) return;
  const toggle = document.getElementById("__search");
  const form = root.querySelector("form");
  const input = root.querySelector(".md-search__input");
  const meta = root.querySelector(".md-search-result__meta");
  const list = root.querySelector(".md-search-result__list");
  const more = root.querySelector(".vl-search__more");
  const results = root.querySelector(".md-search-result");
  const label = (name, n) => (root.dataset["label" + name] || "").replace("{n}", String(n));

  const PAGE_SIZE = 10;
  const MAX_D_WORDS = 3; // words tried with both d and đ: at most 2^3 searches per query
  const DEBOUNCE_MS = 120;

  const base = new URL((root.dataset.base || ".") + "/", document.baseURI);
  let pagefind = null;
  let latest = 0; // the newest query: older answers arriving late are dropped
  let shown = [];
  let timer = null;

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", base).href).then(async (pf) => {
        await pf.options({ baseUrl: base.pathname });
        await pf.init();
        return pf;
      });
      pagefind.catch(() => {
        pagefind = null;
      });
    }
    return pagefind;
  }

  /* The query as Pagefind should see it, and its d/đ variants that the index can answer. */
  async function queries(pf, text) {
    const words = text.normalize("NFC").toLocaleLowerCase("vi").split(/\s+/).filter(Boolean);
    const choices = [];
    let tried = 0;
    for (const word of words) {
      const choice = [word];
      if (/^d\p{L}*$/u.test(word) && tried < MAX_D_WORDS) {
        tried += 1;
        const alt = "đ" + word.slice(1);
        const found = [];
        for (const candidate of [word, alt]) {
          if ((await pf.search(candidate)).results.length) found.push(candidate);
        }
        if (found.length) choice.splice(0, 1, ...found);
      }
      choices.push(choice);
    }
    let out = [[]];
    for (const choice of choices) out = out.flatMap((prefix) => choice.map((w) => [...prefix, w]));
    return out.map((ws) => ws.join(" "));
  }

  /* Every variant's results, best score per page first. */
  async function search(pf, text) {
    const best = new Map();
    for (const q of await queries(pf, text)) {
      for (const r of (await pf.search(q)).results) {
        const seen = best.get(r.id);
        if (!seen || seen.score < r.score) best.set(r.id, r);
      }
    }
    return [...best.values()].sort((a, b) => b.score - a.score);
  }

  /* Pagefind's excerpt as DOM nodes: text, and <mark> around the matched words. */
  function excerpt(html) {
    const doc = new DOMParser().parseFromString(html, "text/html"); // inert: nothing runs
    const p = document.createElement("p");
    for (const node of doc.body.childNodes) {
      if (node.nodeName === "MARK") {
        const mark = document.createElement("mark");
        mark.textContent = node.textContent;
        p.append(mark);
      } else {
        p.append(node.textContent);
      }
    }
    return p;
  }

  function item(data) {
    const li = document.createElement("li");
    li.className = "md-search-result__item";
    const a = document.createElement("a");
    a.className = "md-search-result__link";
    a.href = data.url;
    const article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    const icon = document.createElement("div");
    icon.className = "md-search-result__icon md-icon";
    const title = document.createElement("h1");
    title.textContent = (data.meta && data.meta.title) || data.url;
    article.append(icon, title, excerpt(data.excerpt || ""));
    a.append(article);
    li.append(a);
    return li;
  }

  async function showMore(id) {
    const batch = shown.slice(list.children.length, list.children.length + PAGE_SIZE);
    const items = await Promise.all(batch.map((r) => r.data()));
    if (id !== latest) return;
    list.append(...items.map(item));
    more.hidden = list.children.length >= shown.length;
  }

  /* Answer `text`; when done, the result list carries data-query="<text>" (tests wait for it). */
  async function run(text) {
    const id = ++latest;
    list.replaceChildren();
    more.hidden = true;
    shown = [];
    delete results.dataset.query;
    if (!text.trim()) {
      meta.textContent = label("Hint");
      return;
    }
    meta.textContent = label("Loading");
    try {
      const pf = await load();
      const found = await search(pf, text);
      if (id !== latest) return;
      shown = found;
      meta.textContent = found.length ? label("Count", found.length) : label("None");
      await showMore(id);
      if (id === latest) results.dataset.query = text;
    } catch (err) {
      if (id === latest) meta.textContent = label("Error");
      throw err;
    }
  }

  function open() {
    if (toggle && !toggle.checked) toggle.checked = true;
    load();
  }

  function close() {
    if (toggle) toggle.checked = false;
    input.blur();
  }

  input.addEventListener("focus", open);
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => run(input.value), DEBOUNCE_MS);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const first = list.querySelector("a");
    if (first) window.location.href = first.href;
  });
  form.addEventListener("reset", () => {
    clearTimeout(timer);
    run("");
    input.focus();
  });
  more.addEventListener("click", () => showMore(latest));
  if (toggle) {
    toggle.addEventListener("change", () => {
      if (toggle.checked) input.focus();
    });
  }
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && toggle && toggle.checked) {
      close();
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
