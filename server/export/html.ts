/**
 * The bundle as a printable document: one standalone HTML page in the GOV.UK Design System's
 * look (its type scale, summary lists and tables, restyled inline since the page must stand
 * alone), with a print stylesheet for A4 and no scripts, images or anything fetched. Headings
 * run h1 > h2 > h3 > h4 so a screen reader (and the tagged PDF made from it) can move by them;
 * every table has a caption and header cells. Everything from the store is escaped.
 */
import { createHash } from 'node:crypto';
import { longDate, type AnswerRow, type AnswerSection } from '../../engine/index.ts';
import type { SubjectAccessBundle } from './bundle.ts';

const CSS = `
*,*::before,*::after{box-sizing:border-box}
html{font-family:"GDS Transport",arial,sans-serif;color:#0b0c0c;background:#fff;-webkit-text-size-adjust:100%}
body{margin:0;font-size:19px;line-height:1.32}
.app-header{background:#0b0c0c;color:#fff;padding:10px 15px;border-bottom:10px solid #1d70b8}
.app-header p{margin:0;font-weight:700;font-size:24px}
main{max-width:960px;margin:0 auto;padding:30px 15px 60px}
h1{font-size:48px;line-height:1.04;margin:0 0 30px}
h2{font-size:36px;line-height:1.11;margin:50px 0 20px;padding-top:10px;border-top:2px solid #0b0c0c}
h3{font-size:24px;line-height:1.25;margin:30px 0 15px}
h4{font-size:19px;margin:20px 0 10px}
p{margin:0 0 20px}
.caption{display:block;color:#505a5f;font-size:24px;margin-bottom:5px}
.inset{border-left:10px solid #b1b4b6;padding:15px;margin:0 0 30px}
.warning{font-weight:700}
dl.summary{margin:0 0 30px;border-top:1px solid #b1b4b6}
.summary div{display:grid;grid-template-columns:35% 65%;border-bottom:1px solid #b1b4b6}
.summary dt{font-weight:700;padding:10px 20px 10px 0;margin:0}
.summary dd{padding:10px 0;margin:0;white-space:pre-wrap;overflow-wrap:anywhere}
.summary dd ul{margin:0;padding-left:20px}
.item{margin:0 0 20px;padding-left:15px;border-left:5px solid #b1b4b6}
table{width:100%;border-collapse:collapse;margin:0 0 30px;font-size:16px}
caption{text-align:left;font-weight:700;font-size:19px;margin-bottom:10px}
th,td{text-align:left;vertical-align:top;padding:10px 20px 10px 0;border-bottom:1px solid #b1b4b6;overflow-wrap:anywhere}
th{font-weight:700}
.email{border:1px solid #b1b4b6;padding:15px 20px;margin:0 0 20px}
.email-body{white-space:pre-wrap;overflow-wrap:anywhere;margin:0}
.muted{color:#505a5f}
footer{border-top:1px solid #b1b4b6;padding-top:20px;font-size:16px;color:#505a5f}
@media (max-width:640px){
  body{font-size:16px}
  h1{font-size:32px}
  h2{font-size:24px}
  h3{font-size:19px}
  .summary div{grid-template-columns:1fr}
  .summary dt{padding-bottom:0}
  th,td{padding-right:10px}
}
@media print{
  @page{size:A4;margin:18mm 15mm 20mm}
  body{font-size:11pt}
  .app-header{background:none;color:#0b0c0c;padding:0 0 6pt;border-bottom:4pt solid #0b0c0c}
  main{max-width:none;padding:12pt 0 0}
  h1{font-size:24pt;margin-bottom:16pt}
  h2{font-size:18pt;margin-top:24pt;break-after:avoid;page-break-after:avoid}
  h3{font-size:14pt;break-after:avoid;page-break-after:avoid}
  h4{font-size:12pt;break-after:avoid;page-break-after:avoid}
  table{font-size:10pt}
  .summary div,tr,.email{break-inside:avoid;page-break-inside:avoid}
  thead{display:table-header-group}
}
`;

/** The `style-src` hash for the page's one style block, for its Content-Security-Policy. */
export const STYLE_HASH = `'sha256-${createHash('sha256').update(CSS).digest('base64')}'`;

export const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const e = escapeHtml;

function summary(rows: Array<[string, string | string[]]>, attrs = ''): string {
  const value = (v: string | string[]) => (Array.isArray(v) ? (v.length === 0 ? 'None' : `<ul>${v.map((x) => `<li>${e(x)}</li>`).join('')}</ul>`) : e(v));
  return `<dl class="summary"${attrs}>${rows.map(([k, v]) => `<div><dt>${e(k)}</dt><dd>${value(v)}</dd></div>`).join('')}</dl>`;
}

function answerRows(rows: AnswerRow[], depth: number, sectionTitle: string | null = null): string {
  const out: string[] = [];
  // Rows and repeats in the order the form asks them; runs of plain rows share one list.
  let run: Array<[string, string | string[]]> = [];
  const flush = () => {
    if (run.length > 0) out.push(summary(run));
    run = [];
  };
  for (const row of rows) {
    if (!row.items) {
      run.push([row.label, row.value]);
      continue;
    }
    flush();
    const heading = `h${Math.min(depth, 6)}`;
    // A repeat that is its section's only question ("Children" under "Children") needs no second heading.
    if (row.label !== sectionTitle) out.push(`<${heading}>${e(row.label)}</${heading}>`);
    if (row.items.length === 0) out.push('<p>None given</p>');
    for (const item of row.items) {
      out.push(`<div class="item"><p><strong>${e(item.label)}</strong></p>${answerRows(item.rows, depth + 1)}</div>`);
    }
  }
  flush();
  return out.length === 0 ? '<p>No answers</p>' : out.join('');
}

function sections(list: AnswerSection[]): string {
  if (list.length === 0) return '<p>No answers were recorded on this form.</p>';
  return list.map((s) => `${s.title ? `<h4>${e(s.title)}</h4>` : ''}${answerRows(s.rows, 5, s.title)}`).join('');
}

function table(caption: string, head: string[], rows: string[][], attrs = ''): string {
  if (rows.length === 0) return `<p>${e(caption)}: none.</p>`;
  return `<table${attrs}><caption>${e(caption)}</caption><thead><tr>${head.map((h) => `<th scope="col">${e(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((cell) => `<td>${e(cell)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

const STATUS: Record<SubjectAccessBundle['case']['status'], string> = { open: 'Open', closed: 'Closed', withdrawn: 'Withdrawn' };

/** The heading people see: the family, or one child of it. */
export function documentTitle(bundle: SubjectAccessBundle): string {
  const who = bundle.scope.kind === 'child' ? `${bundle.scope.child} (${bundle.case.familyName} family)` : `${bundle.case.familyName} family`;
  return `Subject access export: ${who}`;
}

export function renderHtml(bundle: SubjectAccessBundle, exportedAtLondon: string): string {
  const c = bundle.case;
  const title = documentTitle(bundle);
  const { found, redacted } = bundle.redaction;
  const redactionText =
    found === 0
      ? 'No third parties’ names were found.'
      : redacted === 0
        ? `${found} third ${found === 1 ? 'party’s name was' : 'parties’ names were'} found; none is redacted.`
        : `${redacted} of ${found} third parties’ names are replaced by labels such as “${bundle.redaction.labels[0]}”.`;
  const facts = summary([
    ['Case reference', c.reference],
    ['Protocol', `${c.protocol.name} (version ${c.protocol.version})`],
    ['Status', STATUS[c.status]],
    ['Started', `${longDate(c.startedAt.slice(0, 10))}${c.startedBy ? ` by ${c.startedBy}` : ''}`],
    ...(c.outcome ? [['Outcome', `${c.outcome.name}${c.outcome.closureReason ? ` (census reason ${c.outcome.closureReason})` : ''}, ${longDate(c.outcome.at.slice(0, 10))}`] as [string, string]] : []),
    ['What this covers', bundle.scope.kind === 'child' ? `What is held about ${bundle.scope.child}: the family’s case, with entries about other children left out` : 'Everything held about the family’s case'],
    ['Exported', exportedAtLondon],
    ['Third parties', redactionText],
  ], ' data-section="facts"');
  const children = table('Children', ['Name', 'Date of birth', 'Case system ID'], c.children.map((ch) => [ch.name, ch.dateOfBirth ? longDate(ch.dateOfBirth) : 'Not recorded', ch.personId ?? 'Not recorded']), ' data-section="children"');
  const forms = bundle.forms.length === 0
    ? '<p>No forms have been recorded on this case.</p>'
    : bundle.forms.map((f, i) => `<section data-form="${i}"><h3>${e(f.step)}: ${e(f.form)}</h3><p class="muted">Recorded ${e(f.completedAtLondon)}${f.completedBy ? ` by ${e(f.completedBy)}` : ''}</p>${sections(f.sections)}</section>`).join('');
  const timeline = table('Everything that happened on the case, oldest first', ['When', 'What happened', 'Who'], bundle.timeline.map((t) => [t.london, t.text, t.who ?? '']), ' data-section="timeline"');
  const emails = bundle.emails.length === 0
    ? '<p>No e-mails have been sent about this case.</p>'
    : bundle.emails.map((m, i) => `<section class="email" data-email="${i}"><h3>${e(m.subject)}</h3>${summary([['Written', m.createdAtLondon], ['Status', m.status], ['To', m.to]])}<h4>Message</h4><p class="email-body">${e(m.body)}</p></section>`).join('');
  const views = table('Who has looked at the record, oldest first', ['When', 'Who', 'What they looked at'], bundle.views.map((v) => [v.london, v.who, v.what]), ' data-section="views"');
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${e(title)} – ${e(bundle.authority.name)}</title>
<style>${CSS}</style>
</head>
<body>
<header class="app-header"><p>${e(bundle.authority.name)}</p></header>
<main>
<span class="caption">Case reference ${e(c.reference)}</span>
<h1>${e(title)}</h1>
<div class="inset"><p>This is a copy of the information ${e(bundle.authority.name)} holds in Stepwise about ${bundle.scope.kind === 'child' ? e(bundle.scope.child) : `the ${e(c.familyName)} family`}, made in answer to a subject access request under Article 15 of the UK GDPR.</p>${redacted > 0 ? `<p class="warning">Some names of other people have been replaced by labels such as “${e(bundle.redaction.labels[0]!)}”.</p>` : ''}</div>
<h2>About the case</h2>
${facts}
${children}
<h2>Forms and answers</h2>
${forms}
<h2>Timeline</h2>
${timeline}
<h2>E-mails sent</h2>
${emails}
<h2>Who has viewed the record</h2>
${views}
<footer><p>Produced by Stepwise for ${e(bundle.authority.name)}, ${e(exportedAtLondon)}. Export format ${e(bundle.format)} version ${bundle.version}.</p></footer>
</main>
</body>
</html>
`;
}
