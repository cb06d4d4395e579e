// Site search on /search/, with the index Pagefind made when the site was
// built. Without JavaScript (or without an index) the page keeps its links to
// the browsing pages; this script only adds to it.

const container = document.getElementById("search");

// The page's words, in its language: the search template gives each as a
// data-word-… attribute of #search (from the theme's i18n files); English
// where a theme's own template does not.
function word(name, fallback, fill = {}) {
  const key = "word" + name.replace(/(^|_)([a-z])/g, (_, __, c) => c.toUpperCase());
  let text = (container && container.dataset[key]) || fallback;
  for (const [place, value] of Object.entries(fill)) text = text.split(`{${place}}`).join(value);
  return text;
}

// What each Pagefind filter is called on the page, in the order shown.
const FILTER_LABELS = [
  ["kind", word("filter_kind", "Type of page")],
  ["review type", word("filter_review_type", "Type of review")],
  ["topic", word("filter_topic", "Topic")],
  ["audience", word("filter_audience", "Audience")],
];

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

// Pagefind's excerpts are text with <mark> around the words found. Only the
// text and the marks are kept: nothing else from the index becomes markup.
function excerptNodes(excerpt) {
  const parsed = new DOMParser().parseFromString(`<p>${excerpt}</p>`, "text/html").body;
  const nodes = [];
  for (const node of parsed.firstChild ? parsed.firstChild.childNodes : []) {
    if (node.nodeName === "MARK") nodes.push(element("mark", {}, node.textContent));
    else nodes.push(document.createTextNode(node.textContent));
  }
  return nodes;
}

function filterGroup(key, label, values, selected) {
  const names = Object.keys(values).sort((a, b) => a.localeCompare(b));
  if (names.length === 0) return null;
  const slug = key.replace(/[^a-z]+/g, "-");
  const items = element("div", { class: "govuk-checkboxes govuk-checkboxes--small" });
  names.forEach((name, i) => {
    const id = `filter-${slug}-${i}`;
    const input = element("input", { class: "govuk-checkboxes__input", id, type: "checkbox", name: key, value: name });
    if (selected.includes(name)) input.checked = true;
    items.append(element("div", { class: "govuk-checkboxes__item" }, input,
      element("label", { class: "govuk-label govuk-checkboxes__label", for: id }, `${name} (${values[name]})`)));
  });
  return element("div", { class: "govuk-form-group" },
    element("fieldset", { class: "govuk-fieldset" },
      element("legend", { class: "govuk-fieldset__legend govuk-fieldset__legend--s" }, label), items));
}

async function start() {
  let pagefind;
  try {
    const bundle = new URL(container.dataset.bundle + "pagefind.js", document.baseURI).href;
    pagefind = await import(bundle);
    await pagefind.options({ baseUrl: new URL(container.dataset.base, document.baseURI).pathname, excerptLength: 24 });
    await pagefind.init();
  } catch (error) {
    return;  // no index: the links to the browsing pages stay
  }

  const params = new URLSearchParams(window.location.search);
  const form = element("form", { class: "herald-search__form", role: "search", action: "", method: "get" });
  const input = element("input", { class: "govuk-input", id: "search-query", name: "q", type: "search", autocomplete: "off", spellcheck: "false" });
  input.value = params.get("q") || "";
  form.append(
    element("div", { class: "govuk-form-group" },
      element("label", { class: "govuk-label govuk-label--m", for: "search-query" }, word("search_this_site", "Search this site")),
      element("div", { class: "govuk-hint", id: "search-hint" }, word("search_hint", "For example: neglect, exploitation, LADO")),
      input),
    element("button", { class: "govuk-button", type: "submit" }, word("search_button", "Search")));
  input.setAttribute("aria-describedby", "search-hint");

  const filters = element("div", { class: "herald-search__filters" });
  const available = await pagefind.filters();
  for (const [key, label] of FILTER_LABELS) {
    const group = filterGroup(key, label, available[key] || {}, params.getAll(key));
    if (group) filters.append(group);
  }
  if (filters.childElementCount > 0) {
    form.append(element("details", { class: "govuk-details herald-search__refine" },
      element("summary", { class: "govuk-details__summary" },
        element("span", { class: "govuk-details__summary-text" }, word("filter_results", "Filter the results"))),
      element("div", { class: "govuk-details__text" }, filters)));
  }

  const status = element("p", { class: "govuk-body herald-search__status", role: "status" });
  const results = element("ol", { class: "herald-search__results" });
  const fallback = container.querySelector(".herald-search__fallback");
  container.prepend(form, status, results);
  if (fallback) fallback.hidden = true;

  let generation = 0;
  async function run() {
    const query = input.value.trim();
    const chosen = {};
    for (const box of filters.querySelectorAll("input:checked")) (chosen[box.name] ||= []).push(box.value);
    const url = new URL(window.location.href);
    url.search = "";
    if (query) url.searchParams.set("q", query);
    for (const [key, values] of Object.entries(chosen)) for (const v of values) url.searchParams.append(key, v);
    window.history.replaceState(null, "", url);
    const mine = ++generation;
    results.replaceChildren();
    if (!query && Object.keys(chosen).length === 0) {
      status.textContent = "";
      return;
    }
    const found = await pagefind.search(query || null, { filters: Object.fromEntries(
      Object.entries(chosen).map(([key, values]) => [key, { any: values }])) });
    const pages = await Promise.all(found.results.slice(0, 50).map((r) => r.data()));
    if (mine !== generation) return;  // a newer search has started
    const n = found.results.length;
    const what = query ? " " + word("for_query", "for “{query}”", { query }) : "";
    const count = n === 0 ? word("no_results", "No results")
                : n === 1 ? word("one_result", "1 result") : word("n_results", "{n} results", { n: String(n) });
    status.textContent = `${count}${what}.`;
    for (const page of pages) {
      const kind = (page.filters.kind || [])[0];
      const item = element("li", { class: "herald-search__result" },
        element("h2", { class: "govuk-heading-s" },
          element("a", { class: "govuk-link", href: page.url }, page.meta.title || page.url)));
      if (kind) item.append(element("p", { class: "govuk-body-s herald-search__kind" }, kind));
      item.append(element("p", { class: "govuk-body" }, ...excerptNodes(page.excerpt)));
      results.append(item);
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
  filters.addEventListener("change", run);
  if (input.value || [...filters.querySelectorAll("input:checked")].length) run();
}

if (container) start();
