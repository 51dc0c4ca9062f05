/** A named analyst query: a `.rq` file from queries/ with grlc-style `#+` decorators
 *  (summary, description, tags, defaults, method, pagination) and BASIL-style parameters
 *  in its body: `?_name` is required, `?__name` optional; a suffix types the value
 *  (`?_doc_iri`, `?_n_integer`, `?_n_number`, `?_label_en` for a language tag, default: a
 *  plain literal). */
export type ParameterType = 'literal' | 'iri' | 'integer' | 'number';

export interface QueryParameter {
  /** Public name (`symbol` for `?_symbol`, `doc` for `?_doc_iri`). */
  name: string;
  /** The variable as written in the query (`_symbol`, `__lang`, `_doc_iri`). */
  variable: string;
  required: boolean;
  type: ParameterType;
  /** Language tag for `?_name_en` style parameters. */
  language?: string;
  default?: string;
}

export interface NamedQuery {
  name: string;
  summary: string;
  description?: string;
  tags: string[];
  parameters: QueryParameter[];
  sparql: string;
  file: string;
}
