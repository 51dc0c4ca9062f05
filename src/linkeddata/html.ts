/** The HTML shell of every page the service renders itself: self-contained (inline CSS, no
 *  external assets), every interpolated value escaped. */

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in element content and in quoted attribute values. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** JSON safe inside a <script> element (no `</script>`, no `<!--`, no U+2028/9 surprises). */
export const jsonForScript = (value: unknown): string =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/** Links of the site header. */
export const SITE_LINKS: ReadonlyArray<readonly [string, string]> = [
  ['/explore', 'Explorer'],
  ['/yasgui', 'SPARQL'],
  ['/ontology', 'Ontology'],
];

export const PAGE_CSS = `
:root { --ink:#1d2733; --muted:#5b6b7c; --line:#d8dee6; --accent:#1f4e79; --bg:#fbfcfd; --mark:#fff2a8; }
* { box-sizing: border-box; }
body { margin:0; font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif; color:var(--ink); background:var(--bg); }
header.site { display:flex; gap:1.25rem; align-items:center; padding:.6rem 1.5rem; background:var(--accent); }
header.site a { color:#fff; text-decoration:none; font-weight:600; }
header.site .brand { margin-right:auto; font-weight:700; }
main { max-width:64rem; margin:0 auto; padding:1.5rem; }
h1 { font-size:1.6rem; line-height:1.25; margin:.2rem 0 .4rem; }
h2 { font-size:1.15rem; margin:2rem 0 .6rem; padding-bottom:.25rem; border-bottom:1px solid var(--line); }
h3 { font-size:1rem; margin:1.2rem 0 .4rem; }
a { color:var(--accent); }
code, .iri { font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace; word-break:break-all; }
.iri { color:var(--muted); }
.badges { display:flex; flex-wrap:wrap; gap:.4rem; margin:.5rem 0; padding:0; list-style:none; }
.badges li a, .badges li span { display:inline-block; padding:.1rem .55rem; border:1px solid var(--line); border-radius:1rem; background:#fff; font-size:.85rem; text-decoration:none; }
.formats { font-size:.9rem; color:var(--muted); }
.formats a { margin-right:.6rem; }
blockquote { margin:.6rem 0; padding:.7rem 1rem; background:#fff; border-left:4px solid var(--accent); border-radius:2px; }
table { width:100%; border-collapse:collapse; background:#fff; }
th, td { text-align:left; vertical-align:top; padding:.4rem .6rem; border-bottom:1px solid var(--line); }
th { width:14rem; font-weight:600; font-size:.9rem; }
td ul { margin:0; padding-left:1.1rem; }
.lang, .datatype { color:var(--muted); font-size:.8rem; margin-left:.3rem; }
mark { background:var(--mark); padding:0 .1rem; }
.snippet { color:#334; font-size:.92rem; margin:.2rem 0 .1rem; }
.evidence { color:var(--muted); font-size:.85rem; }
ol.backlinks, ul.backlinks { padding-left:1.2rem; }
ol.backlinks li, ul.backlinks li { margin:.5rem 0; }
nav.pages { margin:1rem 0; display:flex; gap:1rem; }
.muted { color:var(--muted); }
dl.term { margin:.3rem 0 1.2rem; display:grid; grid-template-columns:10rem 1fr; gap:.2rem .8rem; }
dl.term dt { color:var(--muted); font-size:.9rem; }
dl.term dd { margin:0; }
section.term { padding:.2rem 0 .6rem; border-bottom:1px dashed var(--line); }
section.term:target { background:#fffbe0; }
`;

export interface HtmlPage {
  title: string;
  /** Language of the page's main content. */
  lang: string;
  body: string;
  /** Extra elements for <head> (already escaped). */
  head?: string;
  /** Extra CSS appended to the shared stylesheet. */
  css?: string;
}

export function htmlDocument(page: HtmlPage): string {
  const nav = SITE_LINKS.map(([href, label]) => `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>`).join('');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(page.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(page.title)}</title>
<style>${PAGE_CSS}${page.css ?? ''}</style>
${page.head ?? ''}
</head>
<body>
<header class="site"><a class="brand" href="/explore">UN resolutions knowledge graph</a>${nav}</header>
<main>
${page.body}
</main>
</body>
</html>
`;
}
