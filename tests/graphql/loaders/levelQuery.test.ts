import { linkPattern } from '../../../src/graphql/loaders/levelQuery';

/** Links are followed by plain triple patterns in a UNION, never by property paths: the embedded
 *  engine evaluates `<p>|<q>` and `<p>|<p>/<p>` several times slower than the same triples. */
describe('linkPattern', () => {
  const P = 'http://example.org/p';
  const Q = 'http://example.org/q';

  it('is one triple pattern for one predicate and one hop', () => {
    expect(linkPattern('c0', 's', [P], 1)).toBe(`?c0 <${P}> ?s .`);
  });

  it('is a UNION of one triple pattern per predicate', () => {
    expect(linkPattern('c0', 's', [P, Q], 1)).toBe(`{ ?c0 <${P}> ?s . } UNION { ?c0 <${Q}> ?s . }`);
  });

  it('climbs with an intermediate variable per hop, never a path', () => {
    const pattern = linkPattern('c0', 's', [P], 2);
    expect(pattern).toBe(`{ ?c0 <${P}> ?s . } UNION { ?c0 <${P}> ?c0h1 . ?c0h1 <${P}> ?s . }`);
    expect(pattern).not.toMatch(/>\s*[|/]/);
  });

  it('follows every sequence of predicates up to the number of hops', () => {
    const branches = linkPattern('c1', 'doc', [P, Q], 2).split(' UNION ');
    expect(branches).toHaveLength(2 + 4);
    expect(branches).toContain(`{ ?c1 <${Q}> ?c1h1 . ?c1h1 <${P}> ?doc . }`);
  });
});
