/* The explorer: draws a resolution's graph with Cytoscape.js from the graph API, lets the
 * reader filter by type, search, expand nodes and read each node's details in a side panel.
 * window.cy and window.explorer are exposed for scripting and tests. A browser script (no
 * modules): compiled with tsconfig.browser.json, loaded after cytoscape.min.js, whose global `cytoscape` its
 * typings declare. */

/** The page's configuration (src/web/explorerPage.ts, ExplorerConfig). */
interface ExplorerConfig {
  kinds: Array<{ kind: string; legend: string; color: string; shape: string }>;
  stylesheet: cytoscape.StylesheetJson;
  initial: { document?: string; iri?: string } | null;
  documentLimit: number;
  expandLimit: number;
  languages: string[];
  api: { graph: string; search: string; resource: string };
  messages?: Record<string, string>;
}

/** The graph API's answer in the cytoscape format. */
interface GraphJson {
  truncated: boolean;
  elements: {
    nodes: Array<{ data: Record<string, unknown> & { id: string }; classes?: string }>;
    edges: Array<{ data: Record<string, unknown> & { id: string; source: string; target: string; predicate: string } }>;
  };
}

/** A resource as the resource API names it. */
interface Term {
  iri: string;
  label: string;
  href?: string;
}

/** The resource API's answer (src/linkeddata resourceView). */
interface ResourceView {
  iri: string;
  label: string;
  href?: string;
  texts: Array<{ value: string; language?: string }>;
  clauseActs: Array<{ verb?: Term; verbText?: string; addressees: Term[] }>;
  evidence: Array<{ kind: string; target?: Term; matchedText?: string; footnote?: Term; score?: number }>;
  properties: Array<{ predicate: Term; values: Array<(Term & { kind: 'iri' }) | { kind: 'literal'; value: string }> }>;
  backlinks: {
    total: number;
    hasNext: boolean;
    items: Array<{ predicate: Term; subject: Term; snippet?: { before: string; match: string; after: string } }>;
  };
}

/** One hit of the search API. */
interface SearchHit {
  iri: string;
  label: string;
  field: string;
  match: string;
}

interface Window {
  cy: cytoscape.Core;
  explorer: {
    ready: boolean;
    counts(): Record<string, number>;
    expand(id: string): Promise<number>;
    select(id: string, expandIt: boolean): Promise<unknown>;
    focus(iri: string): Promise<unknown>;
    loadDocument(iri: string): Promise<void>;
    loadNeighbourhood(iri: string): Promise<void>;
  };
}

(function () {
  'use strict';

  const config: ExplorerConfig = JSON.parse(document.getElementById('explorer-config')!.textContent ?? '{}');
  const kinds: Record<string, ExplorerConfig['kinds'][number]> = {};
  config.kinds.forEach(function (k) {
    kinds[k.kind] = k;
  });
  /** A message of the interface language, with {name} placeholders filled in. */
  function t(key: string, fallback: string, params?: Record<string, string | number>): string {
    let text = (config.messages && config.messages[key]) || fallback;
    Object.keys(params || {}).forEach(function (name) {
      text = text.split('{' + name + '}').join(String(params![name]));
    });
    return text;
  }

  /** Drawn once, from the other side: has_part already links a document to its paragraphs. */
  const SKIPPED_PREDICATES: Record<string, boolean> = {
    'http://data.europa.eu/eli/ontology#is_part_of': true,
    'http://data.europa.eu/eli/ontology#realizes': true,
  };
  /** Most values listed per property in the side panel. */
  const PANEL_VALUES = 8;

  /** An element of the page, by id (the page always holds them). */
  function byId<T extends HTMLElement = HTMLElement>(id: string): T {
    return document.getElementById(id) as T;
  }
  const el = {
    graph: byId('cy'),
    panel: byId('panel'),
    legend: byId('legend'),
    status: byId('status'),
    search: byId<HTMLInputElement>('search'),
    results: byId('search-results'),
    resolution: byId<HTMLSelectElement>('resolution'),
    expandOnClick: byId<HTMLInputElement>('expand-on-click'),
    fit: byId('fit'),
    relayout: byId('relayout'),
  };

  const hiddenKinds: Record<string, boolean> = {};
  let expanded: Record<string, boolean> = {};
  let truncated = false;
  let pending = 0;
  let lastError: string | null = null;
  let detailsRequest = 0;

  function nodeSize(node: cytoscape.NodeSingular): number {
    return 16 + 5 * Math.log2(1 + (node.data('degree') || 0));
  }

  const cy = cytoscape({
    container: el.graph,
    minZoom: 0.05,
    maxZoom: 4,
    style: config.stylesheet.concat([
      {
        selector: 'node',
        style: {
          width: nodeSize,
          height: nodeSize,
          'font-size': 9,
          color: '#1d2733',
          'text-valign': 'bottom',
          'text-halign': 'center',
          'text-margin-y': 3,
          'text-wrap': 'ellipsis',
          'text-max-width': '120px',
          'text-background-color': '#ffffff',
          'text-background-opacity': 0.75,
          'text-background-padding': '1px',
          'border-width': 1,
          'border-color': '#2c3e50',
          'border-opacity': 0.5,
        },
      },
      { selector: 'node.resolution', style: { 'font-size': 12, 'font-weight': 'bold', 'z-index': 10 } },
      {
        selector: 'edge',
        style: {
          width: 1,
          label: '',
          'line-color': '#9aa8b6',
          'target-arrow-color': '#9aa8b6',
          'target-arrow-shape': 'triangle',
          'arrow-scale': 0.6,
          'curve-style': 'bezier',
          opacity: 0.8,
        },
      },
      {
        selector: 'edge.labelled',
        style: { label: 'data(label)', 'font-size': 8, color: '#5b6b7c', 'line-color': '#d35400', 'target-arrow-color': '#d35400', width: 2, opacity: 1 },
      },
      { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#d35400', 'border-opacity': 1 } },
      { selector: '.hidden-kind', style: { display: 'none' } },
    ]),
  });

  // ---------------------------------------------------------------------------------------
  // Data

  function getJson<T>(url: string): Promise<T> {
    return fetch(url, { headers: { Accept: 'application/json' } }).then(function (response) {
      return response
        .json()
        .catch(function () {
          return null;
        })
        .then(function (body: (T & { message?: string }) | null) {
          if (!response.ok) throw new Error((body && body.message) || response.status + ' ' + response.statusText);
          return body as T;
        });
    });
  }

  function graphUrl(params: Record<string, string | number>): string {
    const query = new URLSearchParams();
    Object.keys(params).forEach(function (name) {
      query.set(name, String(params[name]));
    });
    query.set('format', 'cytoscape');
    query.set('lang', config.languages.join(','));
    return config.api.graph + '?' + query.toString();
  }

  function busy(delta: number): void {
    pending += delta;
    updateStatus();
  }

  /** Adds the nodes and edges not drawn yet; new nodes start on a circle around `around`. */
  function addElements(json: GraphJson, around: cytoscape.Position | null): cytoscape.CollectionReturnValue {
    const fresh = json.elements.nodes
      .filter(function (n) {
        return cy.getElementById(n.data.id).empty();
      })
      .sort(function (a, b) {
        return a.data.id < b.data.id ? -1 : a.data.id > b.data.id ? 1 : 0;
      });
    const radius = 60 + 8 * fresh.length;
    const nodes = fresh.map(function (n, i) {
      const data = Object.assign({}, n.data);
      delete data.parent; // paragraphs are linked to their document by has_part edges, not nested
      const element: cytoscape.ElementDefinition = { group: 'nodes', data: data, classes: n.classes };
      if (around) {
        const angle = (2 * Math.PI * i) / Math.max(1, fresh.length);
        element.position = { x: around.x + radius * Math.cos(angle), y: around.y + radius * Math.sin(angle) };
      }
      return element;
    });
    let added = cy.add(nodes);
    const edges = json.elements.edges
      .filter(function (e) {
        return (
          !SKIPPED_PREDICATES[e.data.predicate] &&
          cy.getElementById(e.data.id).empty() &&
          cy.getElementById(e.data.source).nonempty() &&
          cy.getElementById(e.data.target).nonempty()
        );
      })
      .sort(function (a, b) {
        return a.data.id < b.data.id ? -1 : a.data.id > b.data.id ? 1 : 0;
      })
      .map(function (e) {
        return { group: 'edges' as const, data: Object.assign({}, e.data) };
      });
    added = added.union(cy.add(edges));
    applyFilters();
    updateLegend();
    return added;
  }

  /** A small seeded generator (mulberry32): the layout draws from it instead of Math.random,
   *  so the same graph is laid out the same way on every load. */
  function seeded(seed: number): () => number {
    return function () {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const LAYOUT_SEED = 20170706;

  /** Places the visible nodes on a spiral in id order: the layout's fixed starting point. */
  function startPositions() {
    const nodes = cy.nodes(':visible').sort(function (a, b) {
      return a.id() < b.id() ? -1 : a.id() > b.id() ? 1 : 0;
    });
    nodes.forEach(function (node, i) {
      const angle = i * 2.399963; // golden angle
      const radius = 30 * Math.sqrt(i + 1);
      node.position({ x: radius * Math.cos(angle), y: radius * Math.sin(angle) });
    });
  }

  /** Lays the graph out; `restart` starts again from the fixed positions (a new graph, or the
   *  "Lay out again" button), else from where the nodes are (after an expansion). */
  function layout(restart: boolean): Promise<void> {
    if (restart) startPositions();
    return new Promise<void>(function (resolve) {
      const random = Math.random;
      Math.random = seeded(LAYOUT_SEED);
      const run = cy.elements(':visible').layout({
        name: 'cose',
        animate: false,
        randomize: false,
        fit: true,
        padding: 30,
        nodeRepulsion: function () {
          return 60000;
        },
        idealEdgeLength: function () {
          return 110;
        },
        edgeElasticity: function () {
          return 80;
        },
        nodeOverlap: 24,
        gravity: 0.5,
        numIter: 2500,
      });
      run.one('layoutstop', function () {
        Math.random = random;
        resolve();
      });
      run.run();
    });
  }

  function replaceGraph(url: string, root: string | null): Promise<void> {
    busy(1);
    lastError = null;
    return getJson<GraphJson>(url)
      .then(function (json) {
        cy.elements().remove();
        expanded = {};
        truncated = json.truncated;
        addElements(json, null);
        if (root) expanded[root] = true;
        return layout(true);
      })
      .catch(showError)
      .then(function () {
        busy(-1);
      });
  }

  function loadDocument(iri: string): Promise<void> {
    return replaceGraph(graphUrl({ document: iri, limit: config.documentLimit }), iri);
  }

  function loadNeighbourhood(iri: string): Promise<void> {
    return replaceGraph(graphUrl({ iri: iri, depth: '1', direction: 'both', limit: config.expandLimit }), iri);
  }

  /** Draws the neighbours of a node; resolves with the number of nodes added. */
  function expand(id: string): Promise<number> {
    if (expanded[id]) return Promise.resolve(0);
    busy(1);
    const node = cy.getElementById(id);
    return getJson<GraphJson>(graphUrl({ iri: id, depth: '1', direction: 'both', limit: config.expandLimit }))
      .then(function (json) {
        expanded[id] = true;
        truncated = truncated || json.truncated;
        const added = addElements(json, node.nonempty() ? node.position() : null);
        updateDetailsButtons(id);
        return added.nodes().length;
      })
      .catch(function (error: unknown) {
        showError(error);
        return 0;
      })
      .then(function (count: number) {
        busy(-1);
        return count;
      });
  }

  // ---------------------------------------------------------------------------------------
  // Legend, filters, status

  function counts(): Record<string, number> {
    const out: Record<string, number> = {};
    cy.nodes().forEach(function (n) {
      out[n.data('type')] = (out[n.data('type')] || 0) + 1;
    });
    return out;
  }

  function buildLegend() {
    config.kinds.forEach(function (k) {
      const item = document.createElement('li');
      item.dataset.kind = k.kind;
      item.hidden = true;
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = true;
      box.addEventListener('change', function () {
        hiddenKinds[k.kind] = !box.checked;
        applyFilters();
        updateStatus();
      });
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.background = k.color;
      const name = document.createElement('span');
      name.className = 'name';
      name.textContent = k.legend;
      const count = document.createElement('span');
      count.className = 'count';
      label.append(box, swatch, name, count);
      item.append(label);
      el.legend.append(item);
    });
  }

  function updateLegend() {
    const byKind = counts();
    el.legend.querySelectorAll('li').forEach(function (item) {
      const n = byKind[item.dataset.kind ?? ''] || 0;
      item.hidden = n === 0;
      item.querySelector('.count')!.textContent = String(n);
    });
  }

  function applyFilters() {
    cy.batch(function () {
      cy.nodes().forEach(function (n) {
        n.toggleClass('hidden-kind', !!hiddenKinds[n.data('type')]);
      });
    });
  }

  function updateStatus() {
    el.status.textContent = '';
    let text = t('explorer.nodesEdges', '{nodes} nodes, {edges} edges', { nodes: cy.nodes().length, edges: cy.edges().length });
    const hidden = cy.nodes('.hidden-kind').length;
    if (hidden) text += ' ' + t('explorer.hidden', '({count} hidden)', { count: hidden });
    if (pending > 0) text += ' ' + t('explorer.loadingMore', '— loading…');
    el.status.append(text);
    if (truncated) {
      const warning = document.createElement('div');
      warning.className = 'warning';
      warning.textContent = t('explorer.truncated', 'Some neighbours were left out (node limit reached).');
      el.status.append(warning);
    }
    if (lastError) {
      const error = document.createElement('div');
      error.className = 'warning';
      error.textContent = lastError;
      el.status.append(error);
    }
  }

  function showError(error: unknown): void {
    lastError = String(error instanceof Error && error.message ? error.message : error);
    updateStatus();
  }

  // ---------------------------------------------------------------------------------------
  // Selection and side panel

  function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string | null, text?: string): HTMLElementTagNameMap[K] {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** A label that selects (or fetches) the resource in the graph, and a link to its page. */
  function termLink(term: Term): HTMLSpanElement {
    const span = element('span');
    const focusLink = element('a', 'focus', term.label);
    focusLink.href = '#';
    focusLink.title = term.iri;
    focusLink.addEventListener('click', function (event) {
      event.preventDefault();
      focus(term.iri);
    });
    span.append(focusLink);
    if (term.href) {
      const page = element('a', null, ' ↗');
      page.href = term.href;
      page.title = t('explorer.openPageOf', 'Open the page of {label}', { label: term.label });
      span.append(page);
    }
    return span;
  }

  function section(title: string): HTMLElement {
    const wrapper = element('section');
    wrapper.append(element('h2', null, title));
    el.panel.append(wrapper);
    return wrapper;
  }

  function updateDetailsButtons(id: string): void {
    const button = el.panel.querySelector<HTMLButtonElement>('button[data-expand]');
    if (button && button.dataset.expand === id) button.disabled = !!expanded[id];
  }

  function renderDetails(view: ResourceView, node: cytoscape.CollectionReturnValue): void {
    el.panel.textContent = '';
    el.panel.dataset.iri = view.iri;
    el.panel.append(element('h2', 'node-label', view.label));
    const kind = kinds[node.nonempty() ? node.data('type') : 'other'] || kinds.other;
    const badge = element('span', 'kind', kind.legend);
    badge.style.background = kind.color;
    el.panel.append(badge);

    const links = element('div', 'links');
    if (view.href) {
      const page = element('a', null, t('explorer.openPage', 'Open its page'));
      page.href = view.href;
      links.append(page);
    }
    const expandButton = element('button', null, t('explorer.expand', 'Expand'));
    expandButton.type = 'button';
    expandButton.dataset.expand = view.iri;
    expandButton.disabled = !!expanded[view.iri];
    expandButton.addEventListener('click', function () {
      expand(view.iri);
    });
    links.append(expandButton);
    el.panel.append(links);

    if (view.texts.length) {
      const text = element('div', 'text', view.texts[0].value);
      if (view.texts[0].language) text.lang = view.texts[0].language;
      section(t('explorer.text', 'Text')).append(text);
    }
    if (view.clauseActs.length) {
      const verbs = element('ul', 'clause-verbs');
      view.clauseActs.forEach(function (act) {
        const item = element('li');
        if (act.verb) item.append(termLink(act.verb));
        if (act.verbText) item.append(element('span', 'meta', ' “' + act.verbText + '”'));
        if (act.addressees.length) {
          item.append(element('span', 'meta', ' → '));
          act.addressees.forEach(function (a, i) {
            if (i) item.append(', ');
            item.append(termLink(a));
          });
        }
        verbs.append(item);
      });
      section(t('explorer.clauseVerbs', 'Clause verbs')).append(verbs);
    }
    if (view.evidence.length) {
      const evidence = element('ul', 'evidence');
      view.evidence.forEach(function (e) {
        const item = element('li');
        item.append(element('span', 'meta', e.kind + ': '));
        if (e.target) item.append(termLink(e.target));
        if (e.matchedText) {
          item.append(' — ');
          item.append(element('span', 'evidence-text', e.matchedText));
        }
        if (e.footnote) {
          item.append(element('span', 'meta', ' ' + t('explorer.via', 'via') + ' '));
          item.append(termLink(e.footnote));
        }
        if (e.score !== undefined) item.append(element('span', 'meta', ' ' + t('explorer.score', '(score {score})', { score: e.score! })));
        evidence.append(item);
      });
      section(t('explorer.evidence', 'Evidence of its links')).append(evidence);
    }
    const properties = view.properties.filter(function (p) {
      return p.predicate.iri.indexOf('#clauseAct') < 0;
    });
    if (properties.length) {
      const list = element('ul', 'properties');
      properties.forEach(function (p) {
        const item = element('li');
        item.append(element('span', 'meta', p.predicate.label + ': '));
        p.values.slice(0, PANEL_VALUES).forEach(function (v, i) {
          if (i) item.append(', ');
          item.append(v.kind === 'iri' ? termLink(v) : element('span', null, v.value));
        });
        if (p.values.length > PANEL_VALUES)
          item.append(element('span', 'meta', ' ' + t('explorer.more', '+{count} more', { count: p.values.length - PANEL_VALUES })));
        list.append(item);
      });
      section(t('explorer.properties', 'Properties')).append(list);
    }
    const backlinks = section(t('explorer.backlinks', 'Backlinks ({count})', { count: view.backlinks.total }));
    const items = element('ul', 'backlinks');
    view.backlinks.items.forEach(function (b) {
      const item = element('li');
      item.append(element('span', 'meta', b.predicate.label + ' ← '));
      item.append(termLink(b.subject));
      if (b.snippet) item.append(element('div', 'meta', b.snippet.before + b.snippet.match + b.snippet.after));
      items.append(item);
    });
    backlinks.append(items);
    if (view.backlinks.hasNext && view.href) {
      const more = element('a', null, t('explorer.allBacklinks', 'All backlinks'));
      more.href = view.href + '#backlinks';
      backlinks.append(more);
    }
  }

  function showDetails(id: string): Promise<void> {
    const request = ++detailsRequest;
    const node = cy.getElementById(id);
    const query = new URLSearchParams({ iri: id, lang: config.languages.join(',') });
    return getJson<ResourceView>(config.api.resource + '?' + query.toString())
      .then(function (view) {
        if (request === detailsRequest) renderDetails(view, node);
      })
      .catch(function (error: unknown) {
        if (request !== detailsRequest) return;
        el.panel.textContent = '';
        el.panel.append(element('h2', 'node-label', node.nonempty() ? node.data('label') : id));
        el.panel.append(element('p', 'muted', String((error instanceof Error && error.message) || error)));
      });
  }

  function highlight(node: cytoscape.CollectionReturnValue): void {
    cy.edges('.labelled').removeClass('labelled');
    node.connectedEdges().addClass('labelled');
  }

  /** Selects a node, shows its details and, when asked, expands it. */
  function select(id: string, expandIt: boolean): Promise<unknown> {
    const node = cy.getElementById(id);
    if (node.empty()) return Promise.resolve();
    cy.elements(':selected').unselect();
    node.select();
    highlight(node);
    const work: Array<Promise<unknown>> = [showDetails(id)];
    if (expandIt) work.push(expand(id));
    return Promise.all(work);
  }

  /** Brings a resource into view: selects it when drawn, else draws it with its neighbours. */
  function focus(iri: string): Promise<unknown> {
    const ready: Promise<unknown> = cy.getElementById(iri).nonempty() ? Promise.resolve() : expand(iri);
    return ready.then(function () {
      const node = cy.getElementById(iri);
      if (node.empty()) return;
      cy.animate({ center: { eles: node }, duration: 250 });
      return select(iri, false);
    });
  }

  cy.on('tap', 'node', function (event) {
    select(event.target.id(), el.expandOnClick.checked);
  });
  cy.on('tap', function (event) {
    if (event.target === cy) {
      cy.edges('.labelled').removeClass('labelled');
      cy.elements(':selected').unselect();
    }
  });

  // ---------------------------------------------------------------------------------------
  // Search

  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  let searchRequest = 0;

  function renderHits(hits: SearchHit[]): void {
    el.results.textContent = '';
    if (!hits.length) {
      el.results.append(element('li', 'muted', t('explorer.noMatch', 'No match')));
      return;
    }
    hits.forEach(function (hit) {
      const item = element('li');
      item.tabIndex = 0;
      item.dataset.iri = hit.iri;
      item.append(element('span', 'hit-label', hit.label));
      item.append(element('span', 'hit-match', hit.field + ': ' + hit.match));
      const pick = function () {
        focus(hit.iri);
      };
      item.addEventListener('click', pick);
      item.addEventListener('keydown', function (event) {
        if (event.key === 'Enter') pick();
      });
      el.results.append(item);
    });
  }

  el.search.addEventListener('input', function () {
    clearTimeout(searchTimer);
    const text = el.search.value.trim();
    if (!text) {
      el.results.textContent = '';
      return;
    }
    searchTimer = setTimeout(function () {
      const request = ++searchRequest;
      const query = new URLSearchParams({ q: text, lang: config.languages.join(',') });
      getJson<{ hits: SearchHit[] }>(config.api.search + '?' + query.toString())
        .then(function (result) {
          if (request === searchRequest) renderHits(result.hits);
        })
        .catch(showError);
    }, 250);
  });

  // ---------------------------------------------------------------------------------------
  // Controls and start

  el.fit.addEventListener('click', function () {
    cy.fit(cy.elements(':visible'), 30);
  });
  el.relayout.addEventListener('click', function () {
    layout(true);
  });
  el.resolution.addEventListener('change', function () {
    if (!el.resolution.value) return;
    const url = new URL(window.location.href);
    url.searchParams.delete('iri');
    url.searchParams.set('document', el.resolution.value);
    window.history.replaceState(null, '', url.toString());
    loadDocument(el.resolution.value);
  });

  const explorer: Window['explorer'] = {
    ready: false,
    counts: counts,
    expand: expand,
    select: select,
    focus: focus,
    loadDocument: loadDocument,
    loadNeighbourhood: loadNeighbourhood,
  };
  window.cy = cy;
  window.explorer = explorer;

  buildLegend();
  let start: Promise<unknown>;
  if (config.initial && config.initial.document) start = loadDocument(config.initial.document);
  else if (config.initial && config.initial.iri) {
    const root = config.initial.iri;
    start = loadNeighbourhood(root).then(function () {
      return select(root, false);
    });
  } else {
    el.panel.textContent = t('explorer.empty', 'The store holds no resolution yet.');
    start = Promise.resolve();
  }
  start.then(function () {
    updateStatus();
    explorer.ready = true;
    document.body.dataset.ready = 'true';
  });
})();
