/*
 * The query UI at /sparql: YASGUI (server/static/vendor/yasgui/, see frontend/README.md) over this
 * server's own SPARQL endpoint, with the competency questions as examples.
 *
 * Hooks for tests and scripts (stable ids and data-testid attributes):
 *
 *   #query-ui      [data-testid=query-ui]    the whole UI; data-ready="true" once YASGUI is up
 *   #examples      [data-testid=examples]    the competency questions (ontology/queries/NN-*.rq), each an
 *     li[data-testid=example][data-example-id="01-militias-controlling-crossings"] holding an
 *     a[href^="#query="]; a click loads that query into the editor and runs it (the li then has
 *     aria-current="true"); opened in a new browser tab, the same link is a shared link (below)
 *   #yasgui        [data-testid=yasgui]      YASGUI: tabs, endpoint, editor (.yasqe), results (.yasr)
 *   [data-testid=results]                    the results area (YASR) of the active tab, with
 *                                            data-state = empty | running | drawing | done | error
 *                                            ("done": the table, labels included, is drawn)
 *   #share-link    [data-testid=share-link]  a link that opens this page with the editor's current
 *                                            query; its href follows the editor as one types
 *   #share-copy    [data-testid=share-copy]  copies that link; #share-status says it was copied
 *
 * Shared links are a fragment: <base>sparql#query=<percent-encoded query>, under the dataset's public base
 * (the release's base IRI) whatever address the page was reached at (also namedGraph= and
 * defaultGraph=, repeated). YASGUI reads it on load (its own URL sharing, populateFromUrl: it opens
 * a tab with the query and runs it, then clears the fragment); a fragment changed while the page is
 * open is read here. The query string is left to the SPARQL protocol: GET /sparql?query=… is a
 * query, answered with results, never this page.
 *
 * Result tables: the "table" plugin of YASR is replaced, through YASR's plugin API
 * (Yasr.registerPlugin), by a subclass of itself that, before drawing, asks this endpoint for the
 * rdfs:label of every IRI in the results (one SELECT with VALUES per batch of IRIs), and draws an
 * IRI as its label, linked to its page on this server when the IRI is the dataset's
 * (<base>id/x -> /id/x, <base>graph/x -> /graph/x, the ontology's …/ontology#Term -> /ontology#Term,
 * the shapes' -> /shapes…; a.lb-local), with the IRI in the link's title and, as small text, in
 * span.lb-iri. Filtering and sorting the table use the labels too. The table's CSV download adds, after each
 * column holding IRIs, a column of their labels (<name>_label), UTF-8 with a byte-order mark, as a
 * spreadsheet opens it; the endpoint's own CSV (format=csv) stays the SPARQL results CSV.
 *
 * Nothing leaves this origin. The endpoint is this server's /sparql, and stays so for shared links
 * (an endpoint= in a link is ignored). YASGUI's features that call other services are off: prefix.cc
 * (prefixCcApi: null, the bundled prefix list is used), URL shortener (createShortLink: none), CORS
 * proxy and its probe request (corsProxy: none), suggested endpoints (only ours); the class and
 * property autocompleters, which ask Linked Open Vocabularies (lov.linkeddata.es) out of the box,
 * are replaced by ones that ask this endpoint for the classes and properties of the graph.
 */
(function () {
  "use strict";

  const config = JSON.parse(document.getElementById("query-ui-config").textContent);
  const ui = document.getElementById("query-ui");
  const ENDPOINT = new URL(config.endpoint, window.location.href).href;
  // Shared links name the endpoint under the dataset's public base (the release's base IRI), never the address
  // this page was reached at (127.0.0.1 on a local run).
  const SHARE_BASE = new URL("sparql", config.base);
  const Yasr = Yasgui.Yasr;
  const Yasqe = Yasgui.Yasqe;

  const NS = config.prefixes; // rdf, rdfs, owl, … as the server knows them
  const RDFS_LABEL = NS.rdfs + "label";
  const LABELLED_AT_MOST = 5000; // distinct IRIs of one result given labels
  const BATCH_CHARS = 40000; // IRI characters per label query (the endpoint takes queries of 100,000)
  const LABEL_TIMEOUT_MS = 15000;

  // ---------------------------------------------------------------------------------------------
  // IRIs: where each lives on this server, how it is written

  function localPath(iri) {
    for (const [prefix, path] of config.localRoots) {
      if (iri.startsWith(prefix)) return path + iri.slice(prefix.length);
    }
    for (const [namespace, path] of config.namespaces) {
      if (iri === namespace || iri.startsWith(namespace + "#") || iri.startsWith(namespace + "/")) {
        return path + iri.slice(namespace.length);
      }
    }
    return null;
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
  }

  function prefixed(iri, prefixes) {
    let best = null;
    for (const name in prefixes || {}) {
      const namespace = prefixes[name];
      if (namespace && iri.startsWith(namespace) && (best === null || namespace.length > prefixes[best].length)) best = name;
    }
    return best === null ? null : best + ":" + iri.slice(prefixes[best].length);
  }

  // Only these become links: the server's own pages, and web IRIs (never javascript:, data:, …).
  const WEB_IRI = /^https?:\/\//i;

  function iriCell(iri, prefixes, compact) {
    const local = localPath(iri);
    const label = labels.get(iri);
    const short = prefixed(iri, prefixes);
    const written = short || (compact ? iri : "<" + iri + ">");
    const text = escapeHtml(label || written);
    let link;
    if (local) {
      link = `<a class="iri lb-local" href="${escapeHtml(local)}" title="${escapeHtml(iri)}">${text}</a>`;
    } else if (WEB_IRI.test(iri)) {
      link = `<a class="iri" href="${escapeHtml(iri)}" title="${escapeHtml(iri)}" target="_blank" rel="noopener noreferrer">${text}</a>`;
    } else {
      link = `<span class="iri" title="${escapeHtml(iri)}">${text}</span>`;
    }
    return label && !compact ? `${link}<span class="lb-iri">${escapeHtml(written)}</span>` : link;
  }

  // ---------------------------------------------------------------------------------------------
  // Queries of our own, to this endpoint

  async function select(query, signal) {
    const response = await fetch(ENDPOINT, {
      method: "POST",
      headers: { "Content-Type": "application/sparql-query", Accept: "application/sparql-results+json" },
      body: query,
      signal,
    });
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}: ${await response.text()}`);
    return (await response.json()).results.bindings;
  }

  // ---------------------------------------------------------------------------------------------
  // Labels: IRI -> rdfs:label (or null: it has none), for this page's life

  const labels = new Map();
  const IRIREF = /^[^\u0000-\u0020<>"{}|^`\\]+$/; // what may stand between < and > in a query

  function preference(term) {
    const lang = (term["xml:lang"] || "").toLowerCase();
    return lang === "en" || lang.startsWith("en-") ? 0 : lang === "" ? 1 : 2;
  }

  async function fetchLabels(results) {
    const wanted = new Set();
    for (const row of results.getBindings() || []) {
      for (const name in row) {
        const term = row[name];
        if (term && term.type === "uri" && !labels.has(term.value) && IRIREF.test(term.value)) wanted.add(term.value);
        if (wanted.size >= LABELLED_AT_MOST) break;
      }
      if (wanted.size >= LABELLED_AT_MOST) break;
    }
    if (wanted.size === 0) return;
    const batches = [];
    let batch = [];
    let size = 0;
    for (const iri of wanted) {
      if (batch.length && size + iri.length > BATCH_CHARS) {
        batches.push(batch);
        batch = [];
        size = 0;
      }
      batch.push(iri);
      size += iri.length + 3;
    }
    batches.push(batch);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), LABEL_TIMEOUT_MS);
    try {
      await Promise.all(batches.map(async (iris) => {
        const values = iris.map((iri) => `<${iri}>`).join(" ");
        const rows = await select(`SELECT ?s ?label WHERE { VALUES ?s { ${values} } ?s <${RDFS_LABEL}> ?label }`, controller.signal);
        const found = new Map();
        for (const row of rows) {
          const current = found.get(row.s.value);
          if (!current || preference(row.label) < preference(current)) found.set(row.s.value, row.label);
        }
        for (const iri of iris) labels.set(iri, found.has(iri) ? found.get(iri).value : null);
      }));
    } catch (error) {
      console.warn("The results are shown without labels: the label query failed.", error);
    } finally {
      clearTimeout(timer);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The results table: YASR's table plugin, with labels and local links

  const Table = Yasr.plugins.table;

  class LabelledTable extends Table {
    async draw(persistentConfig) {
      const drawing = (this.drawing = (this.drawing || 0) + 1);
      if (this.yasr.results && !this.yasr.results.hasError()) await fetchLabels(this.yasr.results);
      if (drawing !== this.drawing) return; // a newer result arrived meanwhile and is drawn instead
      return super.draw(persistentConfig);
    }

    getCellContent(binding, prefixes) {
      if (binding.type !== "uri") return super.getCellContent(binding, prefixes);
      return `<div><span>${iriCell(binding.value, prefixes, this.persistentConfig && this.persistentConfig.compact)}</span></div>`;
    }

    getColumns() {
      const columns = super.getColumns();
      for (const column of columns.slice(1)) {
        const render = column.render;
        column.render = (data, type, row, meta) => {
          if ((type === "filter" || type === "sort") && data && data.type === "uri") {
            const label = labels.get(data.value);
            if (label) return type === "sort" ? label : `${label} ${data.value}`;
          }
          return render(data, type, row, meta);
        };
      }
      return columns;
    }

    // The table's download: the results as CSV with, after each column that holds IRIs, a column of their labels
    // (<name>_label), as a spreadsheet opens it (UTF-8 with a byte-order mark, CRLF line ends, RFC 4180 quoting).
    download(filename) {
      return {
        getData: () => labelledCsv(this.yasr.results),
        contentType: "text/csv;charset=utf-8",
        title: "Download the table as CSV, labels beside IRIs",
        filename: `${filename || "queryResults"}.csv`,
      };
    }
  }

  function csvCell(text) {
    const value = text == null ? "" : String(text);
    return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  }

  function labelledCsv(results) {
    if (!results) return "";
    const vars = results.getVariables() || [];
    const rows = results.getBindings() || [];
    const labelled = vars.filter((v) => rows.some((row) => row[v] && row[v].type === "uri"));
    const header = vars.flatMap((v) => (labelled.includes(v) ? [v, `${v}_label`] : [v]));
    const lines = [header.map(csvCell).join(",")];
    for (const row of rows) {
      const cells = [];
      for (const v of vars) {
        const term = row[v];
        cells.push(term ? term.value : "");
        if (labelled.includes(v)) cells.push(term && term.type === "uri" ? labels.get(term.value) || "" : "");
      }
      lines.push(cells.map(csvCell).join(","));
    }
    return "\ufeff" + lines.join("\r\n") + "\r\n";
  }

  Yasr.registerPlugin("table", LabelledTable);

  // ---------------------------------------------------------------------------------------------
  // Autocompletion of classes and properties from this graph, instead of Linked Open Vocabularies

  let vocabulary = null;

  function terms(kind) {
    if (!vocabulary) {
      vocabulary = Promise.all([
        select(`SELECT DISTINCT ?t WHERE {
          { ?t a <${NS.owl}Class> } UNION { ?t a <${NS.rdfs}Class> } UNION { [] a ?t } FILTER(isIRI(?t)) } ORDER BY ?t`),
        select(`SELECT DISTINCT ?t WHERE {
          { ?t a <${NS.rdf}Property> } UNION { ?t a <${NS.owl}ObjectProperty> } UNION { ?t a <${NS.owl}DatatypeProperty> }
          UNION { [] ?t [] } } ORDER BY ?t`),
      ]).then(([classes, properties]) => ({
        class: classes.map((row) => row.t.value),
        property: properties.map((row) => row.t.value),
      }), (error) => {
        vocabulary = null;
        console.warn("No autocompletion of classes and properties: the query failed.", error);
        return { class: [], property: [] };
      });
    }
    return vocabulary.then((found) => found[kind]);
  }

  for (const kind of ["class", "property"]) {
    const original = Yasqe.Autocompleters[kind];
    if (!original) continue;
    Yasqe.registerAutocompleter({
      ...original,
      get: (yasqe, token) => terms(kind).then((iris) => {
        const typed = (token && (token.autocompletionString || token.string)) || "";
        return iris.filter((iri) => iri.startsWith(typed)).slice(0, 100);
      }),
    });
  }

  // ---------------------------------------------------------------------------------------------
  // YASGUI

  const yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: ENDPOINT, method: "POST" },
    copyEndpointOnNewTab: false,
    corsProxy: undefined,
    endpointCatalogueOptions: { getData: () => [{ endpoint: ENDPOINT }] },
    persistenceId: "landbridge-kg-sparql",
    // Focus the editor on load only where it is in view: focusing scrolls the page to it.
    autofocus: window.matchMedia("(min-width: 62rem)").matches,
    // A shared link sets the query (and graphs) of a new tab, never the endpoint it is sent to.
    populateFromUrl: (tabConfig) => {
      tabConfig.requestConfig.endpoint = ENDPOINT;
      return tabConfig;
    },
    yasqe: { value: config.defaultQuery, prefixCcApi: null, createShortLink: undefined, editorHeight: "22rem" },
    yasr: { prefixes: config.prefixes },
  });

  // ---------------------------------------------------------------------------------------------
  // Results state, the share link, the examples

  const hooked = new WeakSet();
  const shareLink = document.getElementById("share-link");
  const shareStatus = document.getElementById("share-status");

  function setState(yasr, state) {
    if (yasr) yasr.rootEl.dataset.state = state;
  }

  function shareUrl(tab) {
    const params = new URLSearchParams();
    params.append("query", tab.getQuery());
    const request = tab.getRequestConfig() || {};
    for (const [key, name] of [["namedGraphs", "namedGraph"], ["defaultGraphs", "defaultGraph"]]) {
      if (Array.isArray(request[key])) for (const graph of request[key]) params.append(name, graph);
    }
    // %20 rather than "+": both read back the same, %20 is what people expect to see.
    const url = new URL(SHARE_BASE);
    url.hash = params.toString().replace(/\+/g, "%20");
    return url.href;
  }

  function updateShareLink() {
    const tab = yasgui.getTab();
    if (tab && tab.getYasqe()) shareLink.href = shareUrl(tab);
  }

  let shareTimer = null;
  function updateShareLinkSoon() {
    clearTimeout(shareTimer);
    shareTimer = setTimeout(updateShareLink, 150);
  }

  function sync() {
    const tab = yasgui.getTab();
    if (!tab) return;
    const yasqe = tab.getYasqe();
    const yasr = tab.getYasr();
    for (const el of document.querySelectorAll('#yasgui [data-testid="results"]')) el.removeAttribute("data-testid");
    if (yasr) {
      yasr.rootEl.setAttribute("data-testid", "results");
      if (!hooked.has(yasr)) {
        hooked.add(yasr);
        setState(yasr, yasr.results ? "drawing" : "empty");
        yasr.on("drawn", () => setState(yasr, yasr.results && yasr.results.hasError() ? "error" : "done"));
      }
    }
    if (yasqe && !hooked.has(yasqe)) {
      hooked.add(yasqe);
      yasqe.on("change", updateShareLinkSoon);
    }
    updateShareLink();
  }

  yasgui.on("tabSelect", sync);
  yasgui.on("tabChange", sync);
  yasgui.on("tabAdd", () => setTimeout(sync));
  yasgui.on("tabClose", () => setTimeout(sync));
  yasgui.on("query", (_yasgui, tab) => setState(tab.getYasr(), "running"));
  yasgui.on("queryResponse", (_yasgui, tab) => setState(tab.getYasr(), "drawing"));
  yasgui.on("queryAbort", (_yasgui, tab) => setState(tab.getYasr(), tab.getYasr() && tab.getYasr().results ? "done" : "empty"));
  sync();

  function load(query, { run = true, example = null } = {}) {
    const tab = yasgui.getTab() || yasgui.addTab(true);
    tab.setQuery(query);
    for (const li of document.querySelectorAll('#examples li[aria-current="true"]')) li.removeAttribute("aria-current");
    if (example) example.setAttribute("aria-current", "true");
    updateShareLink();
    const top = document.getElementById("yasgui").getBoundingClientRect().top;
    if (top < 0 || top > window.innerHeight * 0.6) document.getElementById("yasgui").scrollIntoView({ block: "start" });
    if (run) tab.query().catch(() => {}); // YASR shows the error
  }

  document.getElementById("examples").addEventListener("click", (event) => {
    const link = event.target.closest('a[href^="#query="]');
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    const query = new URLSearchParams(link.getAttribute("href").slice(1)).get("query");
    if (query !== null) load(query, { example: link.closest("li") });
  });

  // A shared link followed while the page is open changes only the fragment: no reload, so
  // YASGUI does not see it. Load and run it here, unless it is the query already in the editor
  // (the page's own "Link to this query" was followed: the address bar now shows the link).
  window.addEventListener("hashchange", () => {
    const query = new URLSearchParams(window.location.hash.slice(1)).get("query");
    if (query === null) return;
    const tab = yasgui.getTab();
    if (tab && tab.getYasqe() && tab.getQuery() === query) return;
    load(query);
    history.replaceState(null, "", window.location.pathname + window.location.search);
  });

  document.getElementById("share-copy").addEventListener("click", async () => {
    updateShareLink();
    try {
      await navigator.clipboard.writeText(shareLink.href);
      shareStatus.textContent = "Link copied.";
    } catch {
      shareStatus.textContent = "Copy the link: right-click “Link to this query”.";
    }
    setTimeout(() => { shareStatus.textContent = ""; }, 4000);
  });

  // YASR expands a cut-short cell on the first click and keeps its links inert until then; a click
  // on one of our links goes to its page instead (caught before YASR's cell handler sees it).
  document.getElementById("yasgui").addEventListener("click", (event) => {
    const link = event.target.closest && event.target.closest("a.lb-local");
    if (link && link.closest(".expandable:not(.expanded)")) event.stopPropagation();
  }, true);

  ui.dataset.ready = "true";
})();
