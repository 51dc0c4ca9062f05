import type { NamedQuery, ParameterType, QueryParameter } from './NamedQuery';

const DECORATOR_RE = /^#\+\s?(.*)$/;
const PARAM_RE = /\?(__?)([A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*)/g;
const TYPES = new Set<ParameterType>(['iri', 'integer', 'number', 'literal']);

/** The `#+` lines as a small YAML subset: `key: value`, `key:` followed by `- item` or
 *  `- name: value` list lines. */
function parseDecorators(lines: string[]): Record<string, string | string[] | Record<string, string>> {
  const out: Record<string, string | string[] | Record<string, string>> = {};
  let key: string | undefined;
  for (const line of lines) {
    const item = /^\s+-\s+(.*)$/.exec(line);
    if (item && key) {
      const kv = /^([\w-]+):\s*(.*)$/.exec(item[1]);
      if (kv) {
        const map = (typeof out[key] === 'object' && !Array.isArray(out[key]) ? out[key] : {}) as Record<string, string>;
        map[kv[1]] = unquote(kv[2]);
        out[key] = map;
      } else {
        const list = Array.isArray(out[key]) ? (out[key] as string[]) : [];
        list.push(unquote(item[1]));
        out[key] = list;
      }
      continue;
    }
    const kv = /^([\w-]+):\s*(.*)$/.exec(line.trim());
    if (kv) {
      key = kv[1];
      if (kv[2] !== '') out[key] = unquote(kv[2]);
    }
  }
  return out;
}

const unquote = (s: string): string => s.trim().replace(/^(["'])(.*)\1$/, '$2');

export function parseNamedQuery(text: string, name: string, file: string): NamedQuery {
  const lines = text.split('\n');
  const decorators = parseDecorators(lines.map((l) => DECORATOR_RE.exec(l)?.[1]).filter((l): l is string => l !== undefined));
  const sparql = lines.filter((l) => !DECORATOR_RE.test(l)).join('\n').trim() + '\n';
  const defaults = (typeof decorators.defaults === 'object' && !Array.isArray(decorators.defaults) ? decorators.defaults : {}) as Record<string, string>;
  const parameters = new Map<string, QueryParameter>();
  for (const m of sparql.matchAll(PARAM_RE)) {
    const required = m[1] === '_';
    const parts = m[2].split('_');
    let type: ParameterType = 'literal';
    let language: string | undefined;
    const last = parts[parts.length - 1];
    if (parts.length > 1 && TYPES.has(last as ParameterType)) {
      type = last as ParameterType;
      parts.pop();
    } else if (parts.length > 1 && /^[a-z]{2}$/.test(last)) {
      language = last;
      parts.pop();
    }
    const pname = parts.join('_');
    if (!parameters.has(pname)) parameters.set(pname, { name: pname, variable: m[1] + m[2], required, type, language, default: defaults[pname] ?? defaults[m[2]] });
  }
  const summary = typeof decorators.summary === 'string' ? decorators.summary : name;
  return {
    name,
    summary,
    description: typeof decorators.description === 'string' ? decorators.description : undefined,
    tags: Array.isArray(decorators.tags) ? decorators.tags : typeof decorators.tags === 'string' ? [decorators.tags] : [],
    parameters: [...parameters.values()],
    sparql,
    file,
  };
}
