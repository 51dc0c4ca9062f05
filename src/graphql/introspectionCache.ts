import { getIntrospectionQuery, Kind, parse, type DocumentNode, type ExecutionResult, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { INTROSPECTION_CACHE_ENTRIES, MAX_KEPT_INTROSPECTION_CHARS } from './limits';

/** The operation a request runs: the named one, or the only one. */
function selectedOperation(document: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
}

/** True when every field the selection asks for at its root is an introspection field
 *  (fragments followed), so that its answer depends on the schema alone. */
function onlyIntrospection(document: DocumentNode, selectionSet: SelectionSetNode, seen = new Set<string>()): boolean {
  return selectionSet.selections.every((selection) => {
    if (selection.kind === Kind.FIELD) return selection.name.value.startsWith('__');
    if (selection.kind === Kind.INLINE_FRAGMENT) return onlyIntrospection(document, selection.selectionSet, seen);
    const name = selection.name.value;
    if (seen.has(name)) return true;
    seen.add(name);
    const fragment = document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === name);
    return fragment?.kind === Kind.FRAGMENT_DEFINITION && onlyIntrospection(document, fragment.selectionSet, seen);
  });
}

/** Answers introspection from memory: the schema does not change while the service runs, so
 *  the answer to an introspection-only operation is computed once per document, operation and
 *  variables, and every later request gets it without executing anything. Documents are keyed
 *  by identity (yoga's parser cache hands back the same DocumentNode for the same text); the
 *  number of answers kept is bounded. */
export function introspectionCache(): Plugin {
  const answers = new Map<string, ExecutionResult>();
  const ids = new WeakMap<DocumentNode, number>();
  let nextId = 0;
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const operation = selectedOperation(args.document, args.operationName);
      if (!operation || operation.operation !== 'query' || !onlyIntrospection(args.document, operation.selectionSet)) return;
      let id = ids.get(args.document);
      if (id === undefined) ids.set(args.document, (id = nextId++));
      const key = `${id}\u0000${args.operationName ?? ''}\u0000${JSON.stringify(args.variableValues ?? {})}`;
      const kept = answers.get(key);
      if (kept) {
        setResultAndStopExecution(kept);
        return;
      }
      return {
        onExecuteDone({ result }) {
          if (!('data' in result) || (result as ExecutionResult).errors?.length) return;
          if (answers.size >= INTROSPECTION_CACHE_ENTRIES) answers.delete(answers.keys().next().value as string);
          answers.set(key, result as ExecutionResult);
        },
      };
    },
  };
}

/** The introspection queries GraphiQL and common clients send, answered once so that their
 *  answers are in memory before the first client asks. */
export const WARM_INTROSPECTION_QUERIES: readonly string[] = [
  getIntrospectionQuery(),
  getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }),
];

export async function warmIntrospection(server: { fetch(url: string, init: RequestInit): Promise<Response> | Response }): Promise<void> {
  for (const query of WARM_INTROSPECTION_QUERIES) {
    const response = await server.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query }),
    });
    await response.text();
  }
}

/** An answer as it was sent. */
export interface KeptAnswer {
  status: number;
  headers: Array<[string, string]>;
  body: string;
}

/** Serialised answers to introspection-only requests, by request (document, operation,
 *  variables, Accept): a flood of GraphiQL's introspection costs the event loop one lookup and
 *  one write per request, not the serialisation of a 100 KB answer each time. A request is
 *  answered from here only when the same text was answered before: it was parsed, validated
 *  and counted by the limits then, and the schema has not changed since. */
export class IntrospectionAnswers {
  private readonly answers = new Map<string, KeptAnswer>();

  /** The key of a POSTed GraphQL request that may be introspection only; undefined for the
   *  others (the cheap test: the document names a `__` field). */
  keyOf(params: unknown, accept: string | undefined): string | undefined {
    if (params === null || typeof params !== 'object' || Array.isArray(params)) return undefined;
    const { query, operationName, variables, extensions } = params as Record<string, unknown>;
    if (typeof query !== 'string' || query.length > MAX_KEPT_INTROSPECTION_CHARS || extensions !== undefined || !query.includes('__')) return undefined;
    return JSON.stringify([accept ?? '', query, operationName ?? null, variables ?? null]);
  }

  get(key: string): KeptAnswer | undefined {
    return this.answers.get(key);
  }

  /** Keeps a successful answer when its operation asks for introspection only. */
  keep(key: string, params: { query: string; operationName?: string | null }, answer: KeptAnswer): void {
    if (answer.status !== 200 || this.answers.has(key)) return;
    try {
      const document = parse(params.query);
      const operation = selectedOperation(document, params.operationName);
      if (!operation || operation.operation !== 'query' || !onlyIntrospection(document, operation.selectionSet)) return;
      if ((JSON.parse(answer.body) as ExecutionResult).errors) return;
    } catch {
      return;
    }
    if (this.answers.size >= INTROSPECTION_CACHE_ENTRIES) this.answers.delete(this.answers.keys().next().value as string);
    this.answers.set(key, answer);
  }
}
