/**
 * Subject access (UK GDPR Art. 15), for the authority's admins: everything Stepwise holds about a
 * family's case, or about one child in it, as a printable HTML document, a PDF printed from it,
 * or a JSON bundle (server/export/). Third parties' names are redacted before release: all of
 * them unless the admin says otherwise (`redact=none`, or the ids of the ones to redact).
 *
 * `GET /api/cases/:id/subject-access` is the admin's page: the children and the third parties
 * found, to choose from. Both reads go on the case's audit log, the export saying what went out
 * (format, family or child by position, how many names redacted), never a name.
 */
import { Hono, type Context } from 'hono';
import { londonTime } from '../../engine/calendar/index.ts';
import { isAdmin, type AppEnv } from '../http/env.ts';
import { HttpProblem } from '../http/problem.ts';
import { gather, type SubjectAccessBundle } from '../export/bundle.ts';
import { documentTitle, renderHtml, STYLE_HASH } from '../export/html.ts';
import { assertPdfAvailable, htmlToPdf } from '../export/pdf.ts';
import { redact, redactionLabel } from '../export/redact.ts';
import { findThirdParties, type ThirdParty } from '../export/third-parties.ts';
import { instant } from '../store/rows.ts';
import { callerCase, peopleOf, type CaseContext } from './case-context.ts';
import { invalidQuery, queryParameters, readQuery, type QueryShape } from './case-params.ts';
import { errors, type Paths } from './openapi-types.ts';
import type * as Api from './api-types.gen.ts';

const FORMATS = ['html', 'pdf', 'json'] as const;
type Format = (typeof FORMATS)[number];

const child = { type: 'string', title: 'Child', pattern: '^[0-9]{1,3}$' };
const previewQuery: QueryShape = { title: 'Subject access', schema: { type: 'object', additionalProperties: false, properties: { child } }, errorMessages: { '/child': { pattern: 'Choose a child by their number in the list' } } };
const exportQuery: QueryShape = {
  title: 'Subject access export',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['format'],
    properties: {
      format: { type: 'string', title: 'Format', enum: FORMATS },
      child,
      redact: { type: 'string', title: 'Names to redact', minLength: 1, maxLength: 8000 },
    },
  },
  errorMessages: { '/format': { required: 'Choose a format: html, pdf or json', enum: 'Choose a format: html, pdf or json' }, '/child': { pattern: 'Choose a child by their number in the list' } },
};

function adminOnly(c: Context<AppEnv>): void {
  if (!isAdmin(c.get('user'))) throw new HttpProblem(403, 'not_allowed', 'Only admins can export what is held about a family. Ask an admin of your authority.');
}

/** The child chosen by position (`?child=0` is the first), or undefined for the whole family. */
function childIndex(context: CaseContext, given: string | undefined): number | undefined {
  if (given === undefined) return undefined;
  const index = Number(given);
  if (index >= context.state.subject.children.length) {
    throw invalidQuery([{ pointer: '/query/child', keyword: 'enum', message: `This case has ${context.state.subject.children.length} children: choose one of them` }]);
  }
  return index;
}

/** The bundle before redaction, and the third parties it names, as it stands now. */
async function assemble(c: Context<AppEnv>, context: CaseContext, child: number | undefined): Promise<{ bundle: SubjectAccessBundle; found: ThirdParty[] }> {
  const { store, clock } = c.get('deps');
  const { state, definition } = context;
  const [users, outbox, audit, access] = await Promise.all([
    store.listUsers(state.authority),
    store.listOutbox({ authority: state.authority, caseId: state.id }),
    store.listAudit(state.id),
    store.listAccess({ authority: state.authority, caseId: state.id }),
  ]);
  const people = await peopleOf(store, state.authority);
  const bundle = gather({ state, definition, people, outbox, audit, access, now: instant(clock.now()), ...(child === undefined ? {} : { child }) });
  return { bundle, found: findThirdParties(state, definition, users, JSON.stringify(bundle)) };
}

/** `all` (the default), `none`, or a comma-separated list of the third parties' ids. */
function chosenIds(given: string | undefined, found: ThirdParty[]): Set<string> {
  if (given === undefined || given === 'all') return new Set(found.map((p) => p.id));
  if (given === 'none') return new Set();
  const ids = given.split(',').map((id) => id.trim()).filter(Boolean);
  const known = new Set(found.map((p) => p.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw invalidQuery([{ pointer: '/query/redact', keyword: 'enum', message: `Choose names from the list found on this case (${unknown.length === 1 ? 'one is' : `${unknown.length} are`} not on it)` }]);
  }
  return new Set(ids);
}

const fileName = (bundle: SubjectAccessBundle, child: number | undefined, ext: string) =>
  `subject-access-${bundle.case.reference}-${child === undefined ? 'family' : `child-${child + 1}`}-${bundle.exportedAt.slice(0, 10)}.${ext}`;

export const subjectAccessRoutes = new Hono<AppEnv>()
  .get('/api/cases/:id/subject-access', async (c) => {
    adminOnly(c);
    const query = readQuery<{ child?: string }>(c, previewQuery);
    const context = await callerCase(c, c.req.param('id'), 'subject_access_preview');
    const child = childIndex(context, query.child);
    const { bundle, found } = await assemble(c, context, child);
    const { state } = context;
    c.header('cache-control', 'no-store');
    return c.json({
      caseId: state.id,
      reference: bundle.case.reference,
      familyName: state.subject.familyName,
      status: state.status,
      children: state.subject.children.map((ch, index) => ({ index, name: ch.name })),
      child: child ?? null,
      thirdParties: found.map((p, index) => ({ id: p.id, name: p.name, kind: p.kind, label: redactionLabel(index) })),
      formats: [...FORMATS],
    } satisfies Api.SubjectAccessPreview);
  })
  .get('/api/cases/:id/subject-access/export', async (c) => {
    adminOnly(c);
    // The case first (unaudited: the export's own read is recorded below), so another
    // authority's case answers 404 whatever the query says, as every other case route does.
    const context = await callerCase(c, c.req.param('id'));
    const query = readQuery<{ format: Format; child?: string; redact?: string }>(c, exportQuery);
    if (query.format === 'pdf') assertPdfAvailable();
    const child = childIndex(context, query.child);
    const first = await assemble(c, context, child);
    const chosen = chosenIds(query.redact, first.found);
    // The export is itself a read of the case, recorded before anything is released, and so
    // it appears in its own "who has viewed the record".
    const { store, clock } = c.get('deps');
    const what = `subject_access_export:${query.format}:${child === undefined ? 'family' : `child ${child}`}:redacted ${chosen.size} of ${first.found.length}`;
    await store.appendRead(context.state.id, c.get('user').id, what, instant(clock.now()));
    const { bundle, found } = await assemble(c, context, child);
    // The export's own read names the admin: still a choice from the same list, by id.
    const released = redact(bundle, found, query.redact === undefined || query.redact === 'all' ? new Set(found.map((p) => p.id)) : chosen);
    c.header('cache-control', 'no-store');
    if (query.format === 'json') {
      c.header('content-disposition', `attachment; filename="${fileName(released, child, 'json')}"`);
      return c.json(released satisfies Api.SubjectAccessExport);
    }
    const html = renderHtml(released, londonTime(released.exportedAt));
    if (query.format === 'html') {
      c.header('content-security-policy', `default-src 'none'; style-src ${STYLE_HASH}; base-uri 'none'; form-action 'none'; frame-ancestors 'self'`);
      c.header('content-disposition', `inline; filename="${fileName(released, child, 'html')}"`);
      return c.html(html);
    }
    const pdf = await htmlToPdf(html, `${released.case.reference} · ${documentTitle(released).replace(/^Subject access export: /, '')}`);
    return c.body(pdf as Uint8Array<ArrayBuffer>, 200, { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${fileName(released, child, 'pdf')}"` });
  });

const id = { name: 'id', in: 'path' as const, required: true, schema: { type: 'string' }, description: 'Case id' };
const childNote = 'One child’s export: their position in the case’s list of children, from 0 (one of the case’s children, checked). Left out, the whole family';

export const subjectAccessPaths: Paths = {
  '/api/cases/{id}/subject-access': {
    get: {
      summary: 'What a subject access export of the case would cover: its children, and the third parties’ names found, each with an id to choose it for redaction and the label that replaces it (admins; an audited read)',
      tags: ['Subject access'],
      parameters: [id, ...queryParameters(previewQuery, { child: childNote })],
      responses: { '200': { description: '{caseId, reference, familyName, status, children[{index, name}], child, thirdParties[{id, name, kind, label}], formats}' }, ...errors(401, 403, 404, 422) },
    },
  },
  '/api/cases/{id}/subject-access/export': {
    get: {
      summary: 'Everything held about the family, or one child: the case’s facts, every form’s answers, the timeline, e-mails sent and who viewed the record, as printable HTML, a PDF printed by Chromium, or a JSON bundle (format stepwise-subject-access, version 1). Third parties’ names are redacted in every format (admins; the export is audited on the case)',
      tags: ['Subject access'],
      parameters: [
        id,
        ...queryParameters(exportQuery, {
          format: '`html` (text/html, shown inline), `pdf` (application/pdf, a download) or `json` (a download)',
          child: childNote,
          redact: '`all` (the default), `none`, or a comma-separated list of third-party ids from the preview to redact (the others are left in; an id not on the case is refused)',
        }),
      ],
      responses: { '200': { description: 'The export, with Cache-Control: no-store' }, ...errors(401, 403, 404, 422), '503': { description: 'No Chromium to print the PDF with (application/problem+json); HTML and JSON still work' } },
    },
  },
};
