/* The citation network page: draws the laid-out network from /api/network with Cytoscape.js
 * (positions come from the server: the same data always gives the same picture) and lists the
 * citing paragraphs of a selected node or edge. */
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('network-config').textContent);
  var panel = document.getElementById('network-panel');
  var status = document.getElementById('network-status');
  var t = function (key, params) {
    var text = config.messages[key] || key;
    Object.keys(params || {}).forEach(function (name) {
      text = text.replace('{' + name + '}', params[name]);
    });
    return text;
  };
  var withLang = function (href) {
    if (!href || href.charAt(0) !== '/') return href;
    var url = new URL(href, window.location.origin);
    url.searchParams.set('lang', config.lang);
    return url.pathname + url.search + url.hash;
  };
  /** Longest label drawn beside a node (the panel gives the whole name). */
  var LABEL_LENGTH = 40;
  var COLORS = { resolution: '#1f4e79', document: '#5b8bb5', treaty: '#8e44ad', 'sdg-target': '#c0392b', 'sdg-goal': '#c0392b', other: '#7f8c8d' };

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text !== undefined) el.textContent = text;
    return el;
  }
  function link(text, href) {
    var a = element('a', '', text);
    a.href = withLang(href);
    return a;
  }

  function paragraphList(paragraphs) {
    var list = element('ul', 'paragraphs');
    paragraphs.forEach(function (p) {
      var item = element('li');
      item.dataset.iri = p.iri;
      item.append(p.href ? link(p.label, p.href) : p.label);
      list.append(item);
    });
    return list;
  }

  function showNode(node, data) {
    panel.textContent = '';
    panel.dataset.iri = node.id;
    panel.append(element('p', 'kind', config.kinds[node.kind] || config.kinds.other));
    var title = element('h2');
    title.append(node.href ? link(node.label, node.href) : node.label);
    panel.append(title);
    var actions = element('p', 'actions');
    if (config.readPaths[node.id]) actions.append(link(t('network.read'), config.readPaths[node.id]), ' ');
    actions.append(link(t('network.timeline'), '/timeline?iri=' + encodeURIComponent(node.id)));
    panel.append(actions);
    [
      [
        'network.cites',
        function (e) {
          return e.source === node.id;
        },
        'target',
      ],
      [
        'network.citedBy',
        function (e) {
          return e.target === node.id;
        },
        'source',
      ],
    ].forEach(function (part) {
      var edges = data.edges.filter(part[1]);
      if (!edges.length) return;
      panel.append(element('h3', '', t(part[0])));
      edges.forEach(function (e) {
        var other = data.byId[e[part[2]]];
        var details = element('details');
        details.dataset.edge = e.id;
        var summary = element('summary');
        summary.append(other.label + ' · ' + t('network.paragraphs', { count: e.weight }));
        details.append(summary, paragraphList(e.paragraphs));
        panel.append(details);
      });
    });
  }

  function showEdge(edge, data) {
    panel.textContent = '';
    panel.dataset.edge = edge.id;
    delete panel.dataset.iri;
    var title = element('h2');
    var source = data.byId[edge.source];
    var target = data.byId[edge.target];
    title.append(source.href ? link(source.label, source.href) : source.label, ' → ', target.href ? link(target.label, target.href) : target.label);
    panel.append(title, element('p', 'muted', t('network.paragraphs', { count: edge.weight })), paragraphList(edge.paragraphs));
  }

  fetch(config.api, { headers: { Accept: 'application/json' } })
    .then(function (response) {
      return response.json();
    })
    .then(function (data) {
      data.byId = {};
      data.nodes.forEach(function (n) {
        data.byId[n.id] = n;
      });
      var maxWeight = Math.max.apply(
        null,
        [1].concat(
          data.edges.map(function (e) {
            return e.weight;
          }),
        ),
      );
      var cy = (window.cy = cytoscape({
        container: document.getElementById('network'),
        elements: data.nodes
          .map(function (n) {
            return {
              group: 'nodes',
              data: {
                id: n.id,
                label: n.label.length > LABEL_LENGTH ? n.label.slice(0, LABEL_LENGTH - 1) + '…' : n.label,
                kind: n.kind,
                full: n.full ? 1 : 0,
                size: 18 + 6 * Math.sqrt(n.citedBy) + (n.full ? 14 : 0),
              },
              position: { x: n.x, y: n.y },
              classes: (n.full ? 'full ' : '') + n.kind,
            };
          })
          .concat(
            data.edges.map(function (e) {
              return { group: 'edges', data: { id: e.id, source: e.source, target: e.target, weight: e.weight, width: 1 + 7 * (e.weight / maxWeight) } };
            }),
          ),
        layout: { name: 'preset', fit: true, padding: 40 },
        wheelSensitivity: 0.3,
        style: [
          {
            selector: 'node',
            style: {
              'background-color': COLORS.other,
              label: 'data(label)',
              width: 'data(size)',
              height: 'data(size)',
              'font-size': 12,
              color: '#1d2733',
              'text-background-color': '#fff',
              'text-background-opacity': 0.75,
              'text-background-padding': 2,
              'text-valign': 'bottom',
              'text-margin-y': 4,
            },
          },
        ]
          .concat(
            Object.keys(COLORS).map(function (kind) {
              return { selector: 'node.' + kind, style: { 'background-color': COLORS[kind] } };
            }),
          )
          .concat([
            {
              selector: 'node.full',
              style: { shape: 'round-rectangle', 'border-width': 3, 'border-color': '#0d2b45', 'font-weight': 'bold', 'font-size': 13 },
            },
            {
              selector: 'edge',
              style: {
                width: 'data(width)',
                'line-color': '#9fb3c8',
                'target-arrow-color': '#9fb3c8',
                'target-arrow-shape': 'triangle',
                'curve-style': 'bezier',
                opacity: 0.85,
              },
            },
            { selector: ':selected', style: { 'border-width': 4, 'border-color': '#f39c12', 'line-color': '#f39c12', 'target-arrow-color': '#f39c12' } },
          ]),
      }));
      cy.on('tap', 'node', function (event) {
        showNode(data.byId[event.target.id()], data);
      });
      cy.on('tap', 'edge', function (event) {
        var edge = data.edges.filter(function (e) {
          return e.id === event.target.id();
        })[0];
        showEdge(edge, data);
      });
      document.getElementById('network-fit').addEventListener('click', function () {
        cy.fit(undefined, 40);
      });
      status.textContent = data.nodes.length ? t('network.nodes', { nodes: data.nodes.length, edges: data.edges.length }) : t('network.empty');
      if (config.focus && data.byId[config.focus]) {
        cy.getElementById(config.focus).select();
        showNode(data.byId[config.focus], data);
      }
      window.network = { ready: true, data: data };
    })
    .catch(function (error) {
      status.textContent = String(error);
      window.network = { ready: true, error: String(error) };
    });
})();
