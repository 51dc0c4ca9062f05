import { NODE_STYLES, dotString, toDot } from '../../../src/viz';
import { HOSTILE_LABEL, sampleGraph } from './sampleGraph';

describe('dotString', () => {
  it.each([
    ['plain text', 'pp/1', '"pp/1"'],
    ['double quotes', 'say "hi"', '"say \\"hi\\""'],
    ['backslashes, so \\N is not read as the node name', 'a\\Nb', '"a\\\\Nb"'],
    ['line breaks, as \\n', 'a\nb\r\nc', '"a\\nb\\nc"'],
  ])('quotes %s', (_, input, expected) => {
    expect(dotString(input)).toBe(expected);
  });
});

describe('toDot', () => {
  const dot = toDot(sampleGraph());

  it('writes a digraph with quoted IRIs as node ids', () => {
    expect(dot.startsWith('digraph "unkg" {')).toBe(true);
    expect(dot).toContain('"https://w3id.org/unkg/eli/un/E/RES/2017/18/pp/1" -> "https://w3id.org/unkg/eli/un/E/RES/2017/18" [');
  });

  it('draws each node with the shape and fill colour of its kind', () => {
    expect(dot).toContain(
      `"https://w3id.org/unkg/eli/un/E/RES/2017/18" [label="E/RES/2017/18", shape=${NODE_STYLES.resolution.dotShape}, fillcolor="${NODE_STYLES.resolution.color}"`,
    );
    expect(dot).toContain(`shape=${NODE_STYLES.treaty.dotShape}, fillcolor="${NODE_STYLES.treaty.color}"`);
  });

  it('escapes labels', () => {
    expect(dot).toContain(`label=${dotString(HOSTILE_LABEL)}`);
    expect(dotString(HOSTILE_LABEL)).toBe('"Tom & Jerry\'s <\\"quoted\\"> \\\\N back\\\\slash\\nsecond line"');
  });

  it('writes one statement per node and per edge', () => {
    expect(dot.split('\n').filter((l) => / \[label=/.test(l) && !l.includes(' -> '))).toHaveLength(4);
    expect(dot.split('\n').filter((l) => l.includes(' -> '))).toHaveLength(5);
  });
});
