import { GEXF_VERSIONS, toGexf } from '../../../src/viz';
import { sampleGraph } from './sampleGraph';

describe('toGexf', () => {
  it('writes GEXF 1.2draft by default, the version networkx 2 and Gephi both read', () => {
    const gexf = toGexf(sampleGraph());
    expect(gexf).toContain('<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" version="1.2">');
  });

  it('writes GEXF 1.3 when asked, with the edge kind that keeps parallel edges apart in Gephi', () => {
    const gexf = toGexf(sampleGraph(), '1.3');
    expect(gexf).toContain(`<gexf xmlns="${GEXF_VERSIONS['1.3'].namespace}" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">`);
    expect(gexf).toMatch(/<edge id="[0-9a-f]{16}" [^>]* label="cites" kind="cites">/);
  });

  it('declares every node attribute with its type before setting it', () => {
    const gexf = toGexf(sampleGraph());
    expect(gexf).toContain('<attribute id="degree" title="degree" type="long"/>');
    expect(gexf).toContain('<attribute id="a0" title="note" type="string"/>');
    expect(gexf).toContain('<attribute id="a1" title="plenaryMeeting" type="long"/>');
    expect(gexf).toContain('<attribute id="a2" title="position" type="long"/>');
    expect(gexf).toContain('<attribute id="a3" title="score" type="double"/>');
    expect(gexf).toContain('<attvalue for="a3" value="0.93"/>');
  });

  it('escapes labels, ids and values', () => {
    const gexf = toGexf(sampleGraph());
    expect(gexf).toContain('label="Tom &amp; Jerry&apos;s &lt;&quot;quoted&quot;&gt; \\N back\\slash&#10;second line"');
    expect(gexf).toContain('<node id="https://w3id.org/unkg/org/o%22brien&amp;co" label="O&apos;Brien &amp; Co &lt;Ltd&gt;">');
    expect(gexf).toContain('value="a &lt; b &amp;&amp; c &gt; &quot;d&quot;"');
  });
});
