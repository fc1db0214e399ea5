// The briefing's stylesheet, inlined in the HTML so the file is self-contained: a calm A4 document on screen and in
// print, page header and footer with page numbers, tables that repeat their header rows, charts never cut across pages.
import { FONT_FAMILY } from '../../charts/chart-theme.ts';

/** CSS string for `@page` margin boxes (quotes escaped). */
function cssString(text: string): string {
  return `"${text.replace(/["\\]/g, '\\$&').replace(/\n/g, ' ')}"`;
}

/** The stylesheet, with the running header and footer texts of this briefing. */
export function briefingCss(running: { header: string; title: string; footer: string }): string {
  return `
@page {
  size: A4;
  margin: 20mm 16mm 18mm 16mm;
  @top-left { content: ${cssString(running.header)}; font-size: 8pt; color: #5b6675; font-family: ${FONT_FAMILY}; }
  @top-right { content: ${cssString(running.title)}; font-size: 8pt; color: #5b6675; font-family: ${FONT_FAMILY}; }
  @bottom-left { content: ${cssString(running.footer)}; font-size: 8pt; color: #8a5a12; font-family: ${FONT_FAMILY}; }
  @bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt; color: #5b6675; font-family: ${FONT_FAMILY}; }
}
* { box-sizing: border-box; }
html { background: #eef1f5; }
body {
  margin: 0 auto; max-width: 210mm; background: #fff; color: #1d2733;
  font-family: ${FONT_FAMILY}; font-size: 10.5pt; line-height: 1.6; padding: 18mm 16mm;
}
.doc-head { border-bottom: 2px solid #16324f; padding-bottom: 10px; margin-bottom: 16px; }
.doc-kicker { color: #1f5fa8; font-size: 9.5pt; letter-spacing: 0.05em; }
h1 { font-size: 20pt; margin: 4px 0 6px; color: #16324f; line-height: 1.3; }
.doc-meta { color: #55606e; font-size: 9.5pt; }
.synthetic { margin-top: 8px; display: inline-block; border: 1px solid #d9a441; background: #fff6e0; color: #7a4d00;
  padding: 2px 8px; border-radius: 3px; font-size: 9pt; }
h2 { font-size: 13.5pt; color: #16324f; border-left: 4px solid #1f5fa8; padding-left: 8px; margin: 22px 0 10px;
  break-after: avoid; page-break-after: avoid; }
h3 { font-size: 11pt; margin: 14px 0 6px; break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 8px; text-align: justify; }
.summary p { text-indent: 2em; }
html[lang="en"] .summary p { text-indent: 0; }
table { width: 100%; border-collapse: collapse; margin: 6px 0 6px; font-size: 9pt; font-variant-numeric: tabular-nums; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th { background: #e6eef8; color: #16324f; font-weight: 600; text-align: left; padding: 4px 6px; border-bottom: 1px solid #9fb3cc; }
td { padding: 3px 6px; border-bottom: 1px solid #e1e6ec; vertical-align: top; }
td.num { text-align: right; white-space: nowrap; }
th.num { text-align: right; }
tbody td:first-child { min-width: 5.5em; }
td.suppressed { color: #6b7785; font-style: italic; background: #f3f4f6; }
.note { color: #55606e; font-size: 8.5pt; margin: 2px 0 10px; }
figure { margin: 8px 0 14px; break-inside: avoid; page-break-inside: avoid; }
figure svg { width: 100%; height: auto; display: block; }
figcaption { color: #55606e; font-size: 8.5pt; margin-top: 2px; }
.keep { break-inside: avoid; page-break-inside: avoid; }
.case { border: 1px solid #d8dee6; border-radius: 4px; padding: 8px 10px; margin: 10px 0; }
.case .totals { font-weight: 600; margin: 4px 0; }
.inputs { color: #6b7785; font-size: 8pt; }
dl.provenance { display: grid; grid-template-columns: 44mm 1fr; gap: 2px 10px; font-size: 8.5pt; margin: 0; }
dl.provenance dt { color: #55606e; }
dl.provenance dd { margin: 0; word-break: break-all; }
pre.scenario { white-space: pre-wrap; word-break: break-all; font-size: 8pt; background: #f6f8fa; border: 1px solid #e1e6ec;
  padding: 6px 8px; margin: 6px 0 0; }
@media print {
  html { background: #fff; }
  body { max-width: none; padding: 0; }
  h2 { margin-top: 16px; }
}
`;
}
