import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isInterfaceType, isObjectType, type GraphQLInterfaceType, type GraphQLObjectType } from 'graphql';
import { Parser } from 'n3';
import { COMPUTED_FIELDS, RDF_BINDINGS } from '../../src/graphql';
import { buildSchema } from '../../src/graphql/schema/buildSchema';
import { NS } from '../../src/vocab';

/** The schema and the ontology cannot drift apart: every type and field of the schema is
 *  bound to an RDF term (or said to be computed), and every bound term exists. */

const ONTOLOGY = join(__dirname, '..', '..', 'ontology', 'unkg.ttl');
const RDF_TYPE = `${NS.rdf}type`;
const DECLARATIONS = new Set(['Class', 'ObjectProperty', 'DatatypeProperty', 'AnnotationProperty'].map((c) => `${NS.owl}${c}`));
/** Vocabularies the ontology builds on; their terms need no declaration of ours. */
const EXTERNAL = ['eli', 'schema', 'skos', 'cito', 'org', 'sdgo', 'dcterms', 'rdf', 'rdfs'] as const;
/** Types of the API's own machinery, which stand for nothing in RDF. */
const STRUCTURAL = (name: string): boolean =>
  name === 'Query' || name.endsWith('Connection') || (name.endsWith('Edge') && name !== 'SearchResultEdge') || name.startsWith('__');

const declared = new Set(
  new Parser()
    .parse(readFileSync(ONTOLOGY, 'utf8'))
    .filter((q) => q.predicate.value === RDF_TYPE && DECLARATIONS.has(q.object.value))
    .map((q) => q.subject.value),
);

const expand = (curie: string): string => {
  const [prefix, local] = curie.replace(/^\^/, '').split(':');
  const namespace = (NS as Record<string, string>)[prefix];
  if (!namespace) throw new Error(`unknown prefix in ${curie}`);
  return namespace + local;
};

const schema = buildSchema();
const typesWithFields = Object.values(schema.getTypeMap()).filter(
  (t): t is GraphQLObjectType | GraphQLInterfaceType => (isObjectType(t) || isInterfaceType(t)) && !STRUCTURAL(t.name),
);
const fields: Record<string, string> = RDF_BINDINGS.fields;
const classes: Record<string, string> = RDF_BINDINGS.types;

/** A field's binding: its own, or the one of an interface it implements. */
function bindingOf(type: GraphQLObjectType | GraphQLInterfaceType, field: string): string | undefined {
  const coordinates = [type.name, ...type.getInterfaces().map((i) => i.name)].map((owner) => `${owner}.${field}`);
  return coordinates.map((c) => fields[c] ?? (COMPUTED_FIELDS[c] ? 'computed' : undefined)).find(Boolean);
}

describe('the GraphQL schema and the ontology', () => {
  test('bind every resource type to an RDF class', () => {
    const unbound = typesWithFields.filter((t) => !classes[t.name] && !COMPUTED_FIELDS[t.name]).map((t) => t.name);
    expect(unbound).toEqual([]);
  });

  test('bind every field to an RDF property or say it is computed', () => {
    const unbound = typesWithFields.flatMap((t) =>
      Object.keys(t.getFields())
        .filter((field) => !COMPUTED_FIELDS[t.name] || fields[`${t.name}.${field}`])
        .filter((field) => !bindingOf(t, field))
        .map((field) => `${t.name}.${field}`),
    );
    expect(unbound).toEqual([]);
  });

  test('bind nothing that the schema does not have', () => {
    const stale = [...Object.keys(fields), ...Object.keys(COMPUTED_FIELDS).filter((k) => k.includes('.'))].filter((coordinate) => {
      const [type, field] = coordinate.split('.');
      const found = schema.getType(type);
      return !found || !(isObjectType(found) || isInterfaceType(found)) || !found.getFields()[field];
    });
    const staleTypes = Object.keys(classes).filter((type) => !schema.getType(type));
    expect([...stale, ...staleTypes]).toEqual([]);
  });

  test('use only unkg: terms the ontology declares, and terms of the vocabularies it builds on', () => {
    const terms = [...Object.values(classes), ...Object.values(fields)];
    const undeclared = terms.filter((curie) => curie.replace(/^\^/, '').startsWith('unkg:') && !declared.has(expand(curie)));
    const foreign = terms.filter(
      (curie) => !curie.replace(/^\^/, '').startsWith('unkg:') && !EXTERNAL.some((prefix) => curie.replace(/^\^/, '').startsWith(`${prefix}:`)),
    );
    expect(undeclared).toEqual([]);
    expect(foreign).toEqual([]);
    expect(declared.size).toBeGreaterThan(40);
  });

  test('use external classes the ontology aligns to where it declares them', () => {
    const stubbed = Object.values(classes).filter((curie) => !curie.startsWith('unkg:'));
    expect(stubbed.filter((curie) => !declared.has(expand(curie)))).toEqual([]);
  });
});
