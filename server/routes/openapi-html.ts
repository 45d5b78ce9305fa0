/**
 * The API reference page, rendered on the server from the OpenAPI document: endpoints grouped by
 * tag, each with its method, path, summary, who may call it, parameters, request body fields and
 * responses. Plain HTML that works without JavaScript: one h1, a contents list in a labelled
 * <nav>, a <main> with a skip link to it, headings in order, tables with header cells and
 * captions. Its one stylesheet is inline and allowed by hash in the page's own CSP.
 */
import { createHash } from 'node:crypto';
import type { OpenApiDocument } from './openapi.ts';

type Schema = Record<string, unknown>;
interface Op {
  summary: string;
  tags: string[];
  operationId: string;
  parameters: Array<{ name: string; in: string; required?: boolean; schema: Schema; description?: string }>;
  requestBody?: { content: { 'application/json'?: { schema: Schema }; 'text/csv'?: { schema: Schema } } };
  responses: Record<string, { description: string }>;
  security?: unknown[];
}

const STYLE = `body{font-family:system-ui,Arial,sans-serif;line-height:1.5;margin:0;color:#0b0c0c;background:#fff}
.skip{position:absolute;left:-999em}.skip:focus{position:static;display:block;padding:.5em;background:#fd0;color:#0b0c0c}
header,footer{background:#0b0c0c;color:#fff;padding:.75em 1.5em}header p{margin:0;font-weight:700}
.page{display:flex;flex-wrap:wrap;gap:2em;padding:0 1.5em}nav{flex:0 0 16em}main{flex:1 1 36em;min-width:0}
a{color:#1d70b8}a:focus,summary:focus{outline:3px solid #fd0;background:#fd0;color:#0b0c0c}
.method{display:inline-block;min-width:4.5em;font-family:monospace;font-weight:700;border:2px solid currentColor;padding:0 .3em;margin-right:.5em;text-align:center}
table{border-collapse:collapse;margin:.5em 0 1em;width:100%}th,td{text-align:left;vertical-align:top;border-bottom:1px solid #b1b4b6;padding:.3em .5em}
caption{text-align:left;font-weight:700}code{font-family:monospace;overflow-wrap:anywhere}pre{overflow:auto;background:#f3f2f1;padding:.5em}
section.op{border-top:1px solid #b1b4b6;padding-top:.5em}`;

export const docsCsp = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

export const escapeHtml = (value: unknown) =>
  String(value).replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

export function docsHtml(document: OpenApiDocument): string {
  const operations = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Op>).map(([method, op]) => ({ path, method, op })),
  );
  const tags = document.tags.map((t) => ({ ...t, operations: operations.filter((o) => o.op.tags[0] === t.name) }));
  const nav = tags
    .map((t) => `<li><a href="#tag-${slug(t.name)}">${escapeHtml(t.name)}</a><ul>${t.operations
      .map(({ path, method, op }) => `<li><a href="#${escapeHtml(op.operationId)}">${method.toUpperCase()} ${escapeHtml(path)}</a></li>`)
      .join('')}</ul></li>`)
    .join('');
  const body = tags
    .map((t) => `<section aria-labelledby="tag-${slug(t.name)}"><h2 id="tag-${slug(t.name)}">${escapeHtml(t.name)}</h2>${
      'description' in t && t.description ? `<p>${inline(t.description)}</p>` : ''
    }${t.operations.map(({ path, method, op }) => operationHtml(path, method, op)).join('')}</section>`)
    .join('');
  return `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(document.info.title)} reference</title><style>${STYLE}</style></head>
<body>
<a class="skip" href="#main">Skip to main content</a>
<header><p>Stepwise</p></header>
<div class="page">
<nav aria-label="Contents"><h2>Contents</h2><ul>${nav}</ul></nav>
<main id="main" tabindex="-1">
<h1>${escapeHtml(document.info.title)} reference</h1>
<p>Version ${escapeHtml(document.info.version)}. ${inline(document.info.description)}</p>
<p>The same description as an OpenAPI ${escapeHtml(document.openapi)} document: <a href="/api/openapi.json">/api/openapi.json</a>.</p>
${body}
</main>
</div>
<footer><p>Generated from the routes the server runs.</p></footer>
</body>
</html>
`;
}

/** Text with `code` spans, escaped. */
function inline(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

function access(op: Op): string {
  if (Array.isArray(op.security) && op.security.length === 0) return 'Public: no sign-in needed.';
  if (Array.isArray(op.security)) return 'Signed in, with the CSRF token in <code>X-CSRF-Token</code>.';
  return 'Signed in (session cookie).';
}

function operationHtml(path: string, method: string, op: Op): string {
  const id = escapeHtml(op.operationId);
  const parts = [
    `<section class="op" aria-labelledby="${id}"><h3 id="${id}"><span class="method">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>`,
    `<p>${inline(op.summary)}</p><p>${access(op)}</p>`,
  ];
  if (op.parameters.length > 0) {
    const rows = op.parameters.map((p) => `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${escapeHtml(p.in)}</td><td>${p.required ? 'Yes' : 'No'}</td><td>${schemaSummary(p.schema)}</td><td>${inline(p.description ?? String(p.schema.title ?? ''))}</td></tr>`);
    parts.push(`<h4>Parameters</h4><table><caption>Parameters of ${method.toUpperCase()} ${escapeHtml(path)}</caption><thead><tr><th scope="col">Name</th><th scope="col">In</th><th scope="col">Required</th><th scope="col">Values</th><th scope="col">Description</th></tr></thead><tbody>${rows.join('')}</tbody></table>`);
  }
  if (op.requestBody?.content['text/csv']) parts.push(`<h4>Request body</h4><p>CSV (<code>Content-Type: text/csv</code>), as the summary describes.</p>`);
  const schema = op.requestBody?.content['application/json']?.schema;
  if (schema) {
    const rows = fields(schema, '', 0).map((f) => `<tr><td><code>${escapeHtml(f.name)}</code></td><td>${f.required ? 'Yes' : 'No'}</td><td>${f.values}</td><td>${escapeHtml(f.title)}</td></tr>`);
    parts.push(`<h4>Request body</h4><p>JSON (<code>Content-Type: application/json</code>); unknown fields are refused.</p>`);
    if (rows.length > 0) parts.push(`<table><caption>Request body fields of ${method.toUpperCase()} ${escapeHtml(path)}</caption><thead><tr><th scope="col">Field</th><th scope="col">Required</th><th scope="col">Values</th><th scope="col">Title</th></tr></thead><tbody>${rows.join('')}</tbody></table>`);
    parts.push(`<details><summary>JSON Schema of the request body</summary><pre>${escapeHtml(JSON.stringify(schema, null, 2))}</pre></details>`);
  }
  const responses = Object.entries(op.responses).map(([status, r]) => `<tr><td>${escapeHtml(status)}</td><td>${inline(r.description)}</td></tr>`);
  parts.push(`<h4>Responses</h4><table><caption>Responses of ${method.toUpperCase()} ${escapeHtml(path)}</caption><thead><tr><th scope="col">Status</th><th scope="col">Meaning</th></tr></thead><tbody>${responses.join('')}</tbody></table></section>`);
  return parts.join('\n');
}

interface Field {
  name: string;
  required: boolean;
  values: string;
  title: string;
}

/** A body schema's fields as rows, nested fields named by path (`children[].name`), 4 levels deep. */
function fields(schema: Schema, prefix: string, depth: number): Field[] {
  const properties = schema.properties as Record<string, Schema> | undefined;
  if (!properties || depth > 3) return [];
  const required = new Set((schema.required as string[] | undefined) ?? []);
  return Object.entries(properties).flatMap(([name, s]) => {
    const full = prefix + name;
    const row = { name: full, required: required.has(name), values: schemaSummary(s), title: String(s.title ?? s.description ?? '') };
    const items = s.items as Schema | undefined;
    return [row, ...fields(s, `${full}.`, depth + 1), ...(items ? fields(items, `${full}[].`, depth + 1) : [])];
  });
}

/** "string, 1 to 320 characters", "one of: json, csv", "YYYY-MM pattern"... */
export function schemaSummary(s: Schema): string {
  const bits: string[] = [];
  if (Array.isArray(s.enum)) bits.push(`one of: ${s.enum.map((v) => `<code>${escapeHtml(JSON.stringify(v))}</code>`).join(', ')}`);
  else if (s.const !== undefined) bits.push(`<code>${escapeHtml(JSON.stringify(s.const))}</code>`);
  else if (s.type) bits.push(escapeHtml(Array.isArray(s.type) ? s.type.join(' or ') : s.type));
  else if (s.oneOf || s.anyOf) bits.push('one of several shapes (see the JSON Schema)');
  if (s.format) bits.push(`format ${escapeHtml(s.format)}`);
  if (s.minLength !== undefined || s.maxLength !== undefined) bits.push(`${escapeHtml(s.minLength ?? 0)} to ${escapeHtml(s.maxLength ?? 'any number of')} characters`);
  if (s.minimum !== undefined || s.maximum !== undefined) bits.push(`from ${escapeHtml(s.minimum ?? '…')} to ${escapeHtml(s.maximum ?? '…')}`);
  if (s.pattern) bits.push(`matching <code>${escapeHtml(s.pattern)}</code>`);
  if (s.maxItems !== undefined) bits.push(`at most ${escapeHtml(s.maxItems)} items`);
  return bits.join('; ');
}
