/** Put parameter values into a named query as RDF terms, the grlc way: every occurrence of
 *  the variable is replaced by the term. Values are checked and escaped first, so a value
 *  can never change the query's structure. */
import type { NamedQuery, QueryParameter } from './NamedQuery';

export class ParameterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ParameterError';
  }
}

function term(p: QueryParameter, value: string): string {
  switch (p.type) {
    case 'iri':
      if (!/^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]*$/i.test(value)) throw new ParameterError(`parameter "${p.name}" must be an absolute IRI, got "${value}"`);
      return `<${value}>`;
    case 'integer':
      if (!/^[+-]?\d+$/.test(value)) throw new ParameterError(`parameter "${p.name}" must be an integer, got "${value}"`);
      return value;
    case 'number':
      if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value)) throw new ParameterError(`parameter "${p.name}" must be a number, got "${value}"`);
      return value;
    default: {
      const escaped = value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
      return `"${escaped}"${p.language ? `@${p.language}` : ''}`;
    }
  }
}

/** The query text with the given values (defaults for the missing ones). An optional
 *  parameter without value stays an unbound variable. */
export function bindParameters(q: NamedQuery, values: Record<string, string | undefined>): string {
  let sparql = q.sparql;
  for (const p of q.parameters) {
    const value = values[p.name] ?? p.default;
    if (value === undefined || value === '') {
      if (p.required) throw new ParameterError(`parameter "${p.name}" is required`);
      continue;
    }
    const re = new RegExp(`\\?${p.variable}(?![A-Za-z0-9_])`, 'g');
    sparql = sparql.replace(re, term(p, value));
  }
  return sparql;
}
