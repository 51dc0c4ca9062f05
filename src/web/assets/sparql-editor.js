/* The SPARQL query editor: YASGUI on this service's endpoint, with the named queries as examples. */
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('sparql-editor-config').textContent);
  var endpoint = new URL(config.endpoint, window.location.href).href;
  var examples = config.examples;
  var select = document.getElementById('example');
  var description = document.getElementById('example-description');

  var yasgui = new Yasgui(document.getElementById('yasgui'), {
    requestConfig: { endpoint: endpoint, method: 'POST' },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: {
      getData: function () {
        return [{ endpoint: endpoint }];
      },
    },
    yasqe: { value: examples[0].query },
    persistenceId: 'unkg-sparql-editor',
  });

  function show(index) {
    var example = examples[index];
    description.textContent = example.description || '';
    var tab = yasgui.getTab();
    tab.setEndpoint(endpoint);
    tab.setQuery(example.query);
  }

  select.addEventListener('change', function () {
    show(Number(select.value));
  });
  description.textContent = examples[0].description || '';
  // A tab restored from an earlier visit keeps its query; it is still pointed at this endpoint.
  yasgui.getTab().setEndpoint(endpoint);
  window.yasgui = yasgui;
})();
