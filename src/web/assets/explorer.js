/* The explorer: draws a resolution's graph with Cytoscape.js from the graph API, lets the
 * reader filter by type, search, expand nodes and read each node's details in a side panel.
 * window.cy and window.explorer are exposed for scripting and tests. */
(function () {
  'use strict';

  var config = JSON.parse(document.getElementById('explorer-config').textContent);
  var kinds = {};
  config.kinds.forEach(function (k) {
    kinds[k.kind] = k;
  });
  /** A message of the interface language, with {name} placeholders filled in. */
  function t(key, fallback, params) {
    var text = (config.messages && config.messages[key]) || fallback;
    Object.keys(params || {}).forEach(function (name) {
      text = text.split('{' + name + '}').join(String(params[name]));
    });
    return text;
  }

  /** Drawn once, from the other side: has_part already links a document to its paragraphs. */
  var SKIPPED_PREDICATES = {
    'http://data.europa.eu/eli/ontology#is_part_of': true,
    'http://data.europa.eu/eli/ontology#realizes': true,
  };
  /** Most values listed per property in the side panel. */
  var PANEL_VALUES = 8;

  var el = {
    graph: document.getElementById('cy'),
    panel: document.getElementById('panel'),
    legend: document.getElementById('legend'),
    status: document.getElementById('status'),
    search: document.getElementById('search'),
    results: document.getElementById('search-results'),
    resolution: document.getElementById('resolution'),
    expandOnClick: document.getElementById('expand-on-click'),
    fit: document.getElementById('fit'),
    relayout: document.getElementById('relayout'),
  };

  var hiddenKinds = {};
  var expanded = {};
  var truncated = false;
  var pending = 0;
  var lastError = null;
  var detailsRequest = 0;

  function nodeSize(node) {
    return 16 + 5 * Math.log2(1 + (node.data('degree') || 0));
  }

  var cy = cytoscape({
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
          'text-max-width': 120,
          'text-background-color': '#ffffff',
          'text-background-opacity': 0.75,
          'text-background-padding': 1,
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

  function getJson(url) {
    return fetch(url, { headers: { Accept: 'application/json' } }).then(function (response) {
      return response
        .json()
        .catch(function () {
          return null;
        })
        .then(function (body) {
          if (!response.ok) throw new Error((body && body.message) || response.status + ' ' + response.statusText);
          return body;
        });
    });
  }

  function graphUrl(params) {
    var query = new URLSearchParams(params);
    query.set('format', 'cytoscape');
    query.set('lang', config.languages.join(','));
    return config.api.graph + '?' + query.toString();
  }

  function busy(delta) {
    pending += delta;
    updateStatus();
  }

  /** Adds the nodes and edges not drawn yet; new nodes start on a circle around `around`. */
  function addElements(json, around) {
    var fresh = json.elements.nodes
      .filter(function (n) {
        return cy.getElementById(n.data.id).empty();
      })
      .sort(function (a, b) {
        return a.data.id < b.data.id ? -1 : a.data.id > b.data.id ? 1 : 0;
      });
    var radius = 60 + 8 * fresh.length;
    var nodes = fresh.map(function (n, i) {
      var data = Object.assign({}, n.data);
      delete data.parent; // paragraphs are linked to their document by has_part edges, not nested
      var element = { group: 'nodes', data: data, classes: n.classes };
      if (around) {
        var angle = (2 * Math.PI * i) / Math.max(1, fresh.length);
        element.position = { x: around.x + radius * Math.cos(angle), y: around.y + radius * Math.sin(angle) };
      }
      return element;
    });
    var added = cy.add(nodes);
    var edges = json.elements.edges
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
        return { group: 'edges', data: Object.assign({}, e.data) };
      });
    added = added.union(cy.add(edges));
    applyFilters();
    updateLegend();
    return added;
  }

  /** A small seeded generator (mulberry32): the layout draws from it instead of Math.random,
   *  so the same graph is laid out the same way on every load. */
  function seeded(seed) {
    return function () {
      seed = (seed + 0x6d2b79f5) | 0;
      var t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  var LAYOUT_SEED = 20170706;

  /** Places the visible nodes on a spiral in id order: the layout's fixed starting point. */
  function startPositions() {
    var nodes = cy.nodes(':visible').sort(function (a, b) {
      return a.id() < b.id() ? -1 : a.id() > b.id() ? 1 : 0;
    });
    nodes.forEach(function (node, i) {
      var angle = i * 2.399963; // golden angle
      var radius = 30 * Math.sqrt(i + 1);
      node.position({ x: radius * Math.cos(angle), y: radius * Math.sin(angle) });
    });
  }

  /** Lays the graph out; `restart` starts again from the fixed positions (a new graph, or the
   *  "Lay out again" button), else from where the nodes are (after an expansion). */
  function layout(restart) {
    if (restart) startPositions();
    return new Promise(function (resolve) {
      var random = Math.random;
      Math.random = seeded(LAYOUT_SEED);
      var run = cy.elements(':visible').layout({
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

  function replaceGraph(url, root) {
    busy(1);
    lastError = null;
    return getJson(url)
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

  function loadDocument(iri) {
    return replaceGraph(graphUrl({ document: iri, limit: config.documentLimit }), iri);
  }

  function loadNeighbourhood(iri) {
    return replaceGraph(graphUrl({ iri: iri, depth: '1', direction: 'both', limit: config.expandLimit }), iri);
  }

  /** Draws the neighbours of a node; resolves with the number of nodes added. */
  function expand(id) {
    if (expanded[id]) return Promise.resolve(0);
    busy(1);
    var node = cy.getElementById(id);
    return getJson(graphUrl({ iri: id, depth: '1', direction: 'both', limit: config.expandLimit }))
      .then(function (json) {
        expanded[id] = true;
        truncated = truncated || json.truncated;
        var added = addElements(json, node.nonempty() ? node.position() : null);
        updateDetailsButtons(id);
        return added.nodes().length;
      })
      .catch(function (error) {
        showError(error);
        return 0;
      })
      .then(function (count) {
        busy(-1);
        return count;
      });
  }

  // ---------------------------------------------------------------------------------------
  // Legend, filters, status

  function counts() {
    var out = {};
    cy.nodes().forEach(function (n) {
      out[n.data('type')] = (out[n.data('type')] || 0) + 1;
    });
    return out;
  }

  function buildLegend() {
    config.kinds.forEach(function (k) {
      var item = document.createElement('li');
      item.dataset.kind = k.kind;
      item.hidden = true;
      var label = document.createElement('label');
      var box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = true;
      box.addEventListener('change', function () {
        hiddenKinds[k.kind] = !box.checked;
        applyFilters();
        updateStatus();
      });
      var swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.background = k.color;
      var name = document.createElement('span');
      name.className = 'name';
      name.textContent = k.legend;
      var count = document.createElement('span');
      count.className = 'count';
      label.append(box, swatch, name, count);
      item.append(label);
      el.legend.append(item);
    });
  }

  function updateLegend() {
    var byKind = counts();
    el.legend.querySelectorAll('li').forEach(function (item) {
      var n = byKind[item.dataset.kind] || 0;
      item.hidden = n === 0;
      item.querySelector('.count').textContent = String(n);
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
    var text = t('explorer.nodesEdges', '{nodes} nodes, {edges} edges', { nodes: cy.nodes().length, edges: cy.edges().length });
    var hidden = cy.nodes('.hidden-kind').length;
    if (hidden) text += ' ' + t('explorer.hidden', '({count} hidden)', { count: hidden });
    if (pending > 0) text += ' ' + t('explorer.loadingMore', '— loading…');
    el.status.append(text);
    if (truncated) {
      var warning = document.createElement('div');
      warning.className = 'warning';
      warning.textContent = t('explorer.truncated', 'Some neighbours were left out (node limit reached).');
      el.status.append(warning);
    }
    if (lastError) {
      var error = document.createElement('div');
      error.className = 'warning';
      error.textContent = lastError;
      el.status.append(error);
    }
  }

  function showError(error) {
    lastError = String(error && error.message ? error.message : error);
    updateStatus();
  }

  // ---------------------------------------------------------------------------------------
  // Selection and side panel

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** A label that selects (or fetches) the resource in the graph, and a link to its page. */
  function termLink(term) {
    var span = element('span');
    var focusLink = element('a', 'focus', term.label);
    focusLink.href = '#';
    focusLink.title = term.iri;
    focusLink.addEventListener('click', function (event) {
      event.preventDefault();
      focus(term.iri);
    });
    span.append(focusLink);
    if (term.href) {
      var page = element('a', null, ' ↗');
      page.href = term.href;
      page.title = t('explorer.openPageOf', 'Open the page of {label}', { label: term.label });
      span.append(page);
    }
    return span;
  }

  function section(title) {
    var wrapper = element('section');
    wrapper.append(element('h2', null, title));
    el.panel.append(wrapper);
    return wrapper;
  }

  function updateDetailsButtons(id) {
    var button = el.panel.querySelector('button[data-expand]');
    if (button && button.dataset.expand === id) button.disabled = !!expanded[id];
  }

  function renderDetails(view, node) {
    el.panel.textContent = '';
    el.panel.dataset.iri = view.iri;
    el.panel.append(element('h2', 'node-label', view.label));
    var kind = kinds[node.nonempty() ? node.data('type') : 'other'] || kinds.other;
    var badge = element('span', 'kind', kind.legend);
    badge.style.background = kind.color;
    el.panel.append(badge);

    var links = element('div', 'links');
    if (view.href) {
      var page = element('a', null, t('explorer.openPage', 'Open its page'));
      page.href = view.href;
      links.append(page);
    }
    var expandButton = element('button', null, t('explorer.expand', 'Expand'));
    expandButton.type = 'button';
    expandButton.dataset.expand = view.iri;
    expandButton.disabled = !!expanded[view.iri];
    expandButton.addEventListener('click', function () {
      expand(view.iri);
    });
    links.append(expandButton);
    el.panel.append(links);

    if (view.texts.length) {
      var text = element('div', 'text', view.texts[0].value);
      if (view.texts[0].language) text.lang = view.texts[0].language;
      section(t('explorer.text', 'Text')).append(text);
    }
    if (view.clauseActs.length) {
      var verbs = element('ul', 'clause-verbs');
      view.clauseActs.forEach(function (act) {
        var item = element('li');
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
      var evidence = element('ul', 'evidence');
      view.evidence.forEach(function (e) {
        var item = element('li');
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
        if (e.score !== undefined) item.append(element('span', 'meta', ' ' + t('explorer.score', '(score {score})', { score: e.score })));
        evidence.append(item);
      });
      section(t('explorer.evidence', 'Evidence of its links')).append(evidence);
    }
    var properties = view.properties.filter(function (p) {
      return p.predicate.iri.indexOf('#clauseAct') < 0;
    });
    if (properties.length) {
      var list = element('ul', 'properties');
      properties.forEach(function (p) {
        var item = element('li');
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
    var backlinks = section(t('explorer.backlinks', 'Backlinks ({count})', { count: view.backlinks.total }));
    var items = element('ul', 'backlinks');
    view.backlinks.items.forEach(function (b) {
      var item = element('li');
      item.append(element('span', 'meta', b.predicate.label + ' ← '));
      item.append(termLink(b.subject));
      if (b.snippet) item.append(element('div', 'meta', b.snippet.before + b.snippet.match + b.snippet.after));
      items.append(item);
    });
    backlinks.append(items);
    if (view.backlinks.hasNext && view.href) {
      var more = element('a', null, t('explorer.allBacklinks', 'All backlinks'));
      more.href = view.href + '#backlinks';
      backlinks.append(more);
    }
  }

  function showDetails(id) {
    var request = ++detailsRequest;
    var node = cy.getElementById(id);
    var query = new URLSearchParams({ iri: id, lang: config.languages.join(',') });
    return getJson(config.api.resource + '?' + query.toString())
      .then(function (view) {
        if (request === detailsRequest) renderDetails(view, node);
      })
      .catch(function (error) {
        if (request !== detailsRequest) return;
        el.panel.textContent = '';
        el.panel.append(element('h2', 'node-label', node.nonempty() ? node.data('label') : id));
        el.panel.append(element('p', 'muted', String(error.message || error)));
      });
  }

  function highlight(node) {
    cy.edges('.labelled').removeClass('labelled');
    node.connectedEdges().addClass('labelled');
  }

  /** Selects a node, shows its details and, when asked, expands it. */
  function select(id, expandIt) {
    var node = cy.getElementById(id);
    if (node.empty()) return Promise.resolve();
    cy.elements(':selected').unselect();
    node.select();
    highlight(node);
    var work = [showDetails(id)];
    if (expandIt) work.push(expand(id));
    return Promise.all(work);
  }

  /** Brings a resource into view: selects it when drawn, else draws it with its neighbours. */
  function focus(iri) {
    var ready = cy.getElementById(iri).nonempty() ? Promise.resolve() : expand(iri);
    return ready.then(function () {
      var node = cy.getElementById(iri);
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

  var searchTimer = null;
  var searchRequest = 0;

  function renderHits(hits) {
    el.results.textContent = '';
    if (!hits.length) {
      el.results.append(element('li', 'muted', t('explorer.noMatch', 'No match')));
      return;
    }
    hits.forEach(function (hit) {
      var item = element('li');
      item.tabIndex = 0;
      item.dataset.iri = hit.iri;
      item.append(element('span', 'hit-label', hit.label));
      item.append(element('span', 'hit-match', hit.field + ': ' + hit.match));
      var pick = function () {
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
    var text = el.search.value.trim();
    if (!text) {
      el.results.textContent = '';
      return;
    }
    searchTimer = setTimeout(function () {
      var request = ++searchRequest;
      var query = new URLSearchParams({ q: text, lang: config.languages.join(',') });
      getJson(config.api.search + '?' + query.toString())
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
    var url = new URL(window.location.href);
    url.searchParams.delete('iri');
    url.searchParams.set('document', el.resolution.value);
    window.history.replaceState(null, '', url.toString());
    loadDocument(el.resolution.value);
  });

  var explorer = {
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
  var start;
  if (config.initial && config.initial.document) start = loadDocument(config.initial.document);
  else if (config.initial && config.initial.iri) {
    var root = config.initial.iri;
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
