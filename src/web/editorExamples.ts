/** The examples of the query editor: the named analyst queries of queries/*.rq (read once, at
 *  start), with their parameters bound to their declared defaults so each runs as it is. */
import { resolve } from 'node:path';
import { bindParameters, loadNamedQueries, ParameterError } from '../queries';

/** The project's queries/ folder, found from here in src/ and in the compiled dist/ alike. */
export const DEFAULT_QUERIES_DIR = resolve(__dirname, '..', '..', 'queries');

export interface EditorExample {
  name: string;
  summary: string;
  description?: string;
  /** The query, ready to run. */
  query: string;
}

/** Shown when queries/ holds no .rq file, so the editor always opens on a working query. */
export const BUILT_IN_EXAMPLE: EditorExample = {
  name: 'paragraph-citations',
  summary: 'What each paragraph cites',
  query: `PREFIX eli: <http://data.europa.eu/eli/ontology#>

# What each paragraph cites, with the cited document's symbol when it has one.
SELECT ?paragraph ?cited ?symbol WHERE {
  ?paragraph eli:cites ?cited .
  OPTIONAL { ?cited eli:id_local ?symbol }
}
ORDER BY ?paragraph ?cited
LIMIT 100
`,
};

const commented = (text: string): string =>
  text
    .split('\n')
    .map((line) => `# ${line}`.trimEnd())
    .join('\n');

export function editorExamples(queriesDir: string = DEFAULT_QUERIES_DIR): EditorExample[] {
  const named = loadNamedQueries(queriesDir);
  if (named.length === 0) return [BUILT_IN_EXAMPLE];
  return named.map((q) => {
    let sparql: string;
    try {
      sparql = bindParameters(q, {});
    } catch (error) {
      // A required parameter without a default stays a variable: the query still runs.
      if (!(error instanceof ParameterError)) throw error;
      sparql = q.sparql;
    }
    return {
      name: q.name,
      summary: q.summary,
      ...(q.description ? { description: q.description } : {}),
      query: `${commented(q.summary)}\n${sparql}`,
    };
  });
}
