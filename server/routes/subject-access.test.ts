import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, CaseState, Form, WorkflowDefinition } from '../../engine/index.ts';
import { choicesOf } from '../../engine/forms/schema-info.ts';
import { referralOn } from '../../test/camden/given.ts';
import { apiHarness, type Api } from '../../test/support/api.ts';
import { pdfText } from '../../test/support/pdf-text.ts';
import type { NotificationMessage } from '../runtime/index.ts';
import type { SubjectAccessPreview } from '../../designer/src/lib/api-types.ts';
import type { SubjectAccessBundle } from '../export/bundle.ts';
import { givenCamdenStepDowns } from './report-given.ts';

let api: Api;
let camden: WorkflowDefinition;
const sam: Actor = { id: 'camden.social_worker', roles: ['social_worker'], teams: [] };

beforeAll(async () => {
  api = await apiHarness();
  await givenCamdenStepDowns(api);
  // The Haddads: two children, so one child's export can leave the other's entries out.
  const children = [
    { name: 'Amira Haddad', dateOfBirth: '2019-01-13', personId: '2075101', schoolsAttended: 'Argyle Primary School' },
    { name: 'Layla Haddad', dateOfBirth: '2021-06-30', personId: '2075102', schoolsAttended: 'Netley Nursery' },
  ];
  await api.runner.startCase({ definition: 'camden', entry: 'sw_assessment', subject: { familyName: 'Haddad', children: children.map(({ schoolsAttended: _s, ...c }) => c) }, by: sam, caseId: 'case-haddad' });
  const state = (await api.store.getCase('case-haddad'))!;
  const task = Object.values(state.tasks).find((t) => t.node === 'referral' && t.status === 'open')!;
  await api.runner.dispatch('case-haddad', { type: 'task_completed', taskId: task.id, by: sam, data: referralOn('2026-12-21', { agreementDate: '2026-12-21', children }), actions: [{ action: 'send_referral' }] });
  camden = (await api.store.getDefinition('camden', (await api.store.getCase('case-okafor'))!.definition.version))!.definition;
  // Someone other than the admin looks at the Okafor case first.
  const manager = await api.signIn('eh_service_manager@camden.example');
  expect((await manager.get('/api/cases?q=Okafor')).status).toBe(200);
  expect((await manager.get('/api/cases/case-okafor/timeline')).status).toBe(200);
}, 60_000);
afterAll(async () => api.close());

const longDate = (iso: string) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));

/** Where a question sits in the form's layout, for its label and whether it is shown. */
function layoutOf(form: Form, key: string) {
  return form.layout?.sections?.flatMap((s) => s.fields).find((f) => f.field === key);
}

/** An answer as a person reads it, worked out here from the schema rather than by the export's code. */
function shown(form: Form, key: string, value: unknown): { label: string; value: string } | null {
  const schema = (form.schema as { properties: Record<string, Record<string, unknown>> }).properties[key]!;
  const layout = layoutOf(form, key);
  const label = layout?.label ?? (schema['title'] as string);
  if (typeof value === 'boolean') return { label, value: value ? 'Yes' : 'No' };
  const option = choicesOf(schema)?.find((o) => o.value === value);
  if (option) return { label, value: option.label };
  if (typeof value !== 'string' || value === '') return null;
  if (schema['format'] === 'date') return { label, value: longDate(value) };
  return { label, value };
}

async function exportOf(who: Awaited<ReturnType<Api['signIn']>>, query: string) {
  const response = await who.get(`/api/cases/case-okafor/subject-access/export?${query}`);
  expect(response.status, await response.clone().text()).toBe(200);
  return response;
}

describe('Given the Okafor case, worked from 2 November 2026 by Camden’s staff, with Fay Green named as the family worker', () => {
  it('When Camden’s admin opens the export page, Then it lists the child and every third party found, staff and the professional named in the answers, and the read is audited', async () => {
    const admin = await api.signIn('admin@camden.example');
    const response = await admin.get('/api/cases/case-okafor/subject-access');
    expect(response.status).toBe(200);
    const preview = (await response.json()) as SubjectAccessPreview;
    expect(preview).toMatchObject({ caseId: 'case-okafor', familyName: 'Okafor', children: [{ index: 0, name: 'Ada Okafor' }], child: null });
    const names = preview.thirdParties.map((p) => p.name);
    // Staff by name (the EH service manager for their read, the admin for this one), then the names from answers.
    expect(names).toEqual(['Demo Early Help front door team manager', 'Demo Early Help service manager', 'Demo Social worker (CIN social worker)', 'Kate Osei', 'London Borough of Camden admin', 'Fay Green']);
    expect(preview.thirdParties.find((p) => p.name === 'Fay Green')).toMatchObject({ kind: 'named_in_answers' });
    expect(preview.thirdParties.find((p) => p.name === 'Kate Osei')).toMatchObject({ id: 'staff:camden.kate', kind: 'staff' });
    expect(preview.thirdParties.map((p) => p.label)).toEqual(preview.thirdParties.map((_, i) => `[Third party ${i + 1}]`));
    // The family are never third parties; teams are not people.
    expect(names.join('|')).not.toMatch(/Okafor|Kentish Town/);
    expect((await api.store.listAudit('case-okafor')).at(-1)).toMatchObject({ actor: 'camden.admin', action: 'case_read', detail: { what: 'subject_access_preview' } });
  });

  it('When they export it as JSON with every name redacted, Then it matches the store field by field: facts, every answer, the timeline, every e-mail and every viewer', async () => {
    const admin = await api.signIn('admin@camden.example');
    const preview = (await (await admin.get('/api/cases/case-okafor/subject-access')).json()) as SubjectAccessPreview;
    const response = await exportOf(admin, 'format=json');
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="subject-access-CASE-OKA-family-2026-12-21.json"');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const text = await response.text();
    const bundle = JSON.parse(text) as SubjectAccessBundle;
    const state = (await api.store.getCase('case-okafor'))!;
    const label = new Map(preview.thirdParties.map((p) => [p.name, p.label]));
    const redacted = (value: string) => [...label].sort((a, b) => b[0].length - a[0].length).reduce((out, [name, l]) => out.split(name).join(l), value);
    const users = new Map((await api.store.listUsers('camden')).map((u) => [u.id, u.name]));

    expect(bundle).toMatchObject({ format: 'stepwise-subject-access', version: 1, exportedAt: '2026-12-21T09:00:00.000Z', authority: { id: 'camden', name: camden.authority.name }, scope: { kind: 'family' } });
    expect(bundle.case).toEqual({
      id: 'case-okafor', reference: 'CASE-OKA', protocol: { id: 'camden', version: state.definition.version, name: camden.name }, status: 'open',
      startedAt: state.startedAt, startedBy: label.get(users.get(state.startedBy)!), outcome: null, familyName: 'Okafor',
      children: state.subject.children.map((c) => ({ name: c.name, dateOfBirth: c.dateOfBirth, personId: c.personId })),
    });

    // Every completed task's form, with each answer under its question's title from the definition version the case ran on.
    const completed = Object.values(state.tasks).filter((t) => t.status === 'completed' && t.form && t.answers);
    expect(bundle.forms.map((f) => f.form)).toEqual(completed.sort((a, b) => a.completedAt!.localeCompare(b.completedAt!)).map((t) => camden.forms[t.form!]!.title));
    let checked = 0;
    for (const task of completed) {
      const form = camden.forms[task.form!]!;
      const exported = bundle.forms.find((f) => f.form === form.title && f.completedAt === task.completedAt)!;
      expect(exported, task.node).toBeDefined();
      expect(exported.step).toBe(task.name);
      expect(exported.completedBy).toBe(label.get(users.get(task.completedBy!)!));
      const rows = exported.sections.flatMap((s) => s.rows);
      for (const [key, value] of Object.entries(task.answers!)) {
        const expected = shown(form, key, value);
        if (!expected) continue;
        const row = rows.find((r) => r.label === expected.label);
        expect(row, `${task.node}/${key}`).toBeDefined();
        expect(row!.value, `${task.node}/${key}`).toBe(redacted(expected.value));
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(15);
    expect(bundle.forms.flatMap((f) => f.sections.flatMap((s) => s.rows)).find((r) => r.label === 'Name of the allocated Early Help Family Worker')?.value).toBe(label.get('Fay Green'));

    // The timeline: every history entry, in order, with who did it.
    expect(bundle.timeline.map((t) => [t.at, t.type, t.who])).toEqual(state.history.map((h) => [h.at, h.type, h.by ? (h.by === 'system' ? 'Stepwise (timers and automatic steps)' : label.get(users.get(h.by)!)) : null]));
    expect(bundle.timeline.find((t) => t.type === 'task_created' && t.text.startsWith('Contact the social worker'))?.text).toBe('Contact the social worker offering a formal consultation: with IEYS Kentish Town East "KTE", duty manager');

    // Every e-mail, as the outbox holds it.
    const outbox = (await api.store.listOutbox({ caseId: 'case-okafor' })).filter((m) => m.kind === 'notify');
    expect(bundle.emails).toHaveLength(outbox.length);
    for (const message of outbox) {
      const { notification } = message.payload as NotificationMessage;
      expect(bundle.emails).toContainEqual(expect.objectContaining({ createdAt: message.createdAt, subject: redacted(notification.subject), body: redacted(notification.body), status: 'waiting to be sent' }));
    }

    // Who viewed it: every read on the case's log, this export included, and the search that listed it, by name.
    const reads = (await api.store.listAudit('case-okafor')).filter((e) => e.action === 'case_read');
    const listed = (await api.store.listAccess({ authority: 'camden', caseId: 'case-okafor' })).filter((e) => e.action === 'cases_listed' && e.detail['what'] === 'case_search');
    expect(listed).toHaveLength(1);
    // In time order; the simulated clock stands still, so entries of the same instant are compared as a set.
    expect(bundle.views.map((v) => v.at)).toEqual([...bundle.views.map((v) => v.at)].sort());
    const seen = bundle.views.map((v) => `${v.at} ${v.who} ${v.what}`).sort();
    const words: Record<string, string> = { timeline: 'the case timeline', subject_access_preview: 'the subject access export page', case_search: 'a case search that found it' };
    const held = [...listed, ...reads].map((e) => `${e.at} ${label.get(users.get(e.actor)!)} ${String(e.detail['what']).startsWith('subject_access_export') ? 'a subject access export' : words[String(e.detail['what'])]}`).sort();
    expect(seen).toEqual(held);
    expect(seen).toHaveLength(5);

    // No third party's name or e-mail address anywhere.
    for (const party of preview.thirdParties) expect(text.toLowerCase()).not.toContain(party.name.toLowerCase());
    expect(text).not.toContain('@camden.example');
    expect(bundle.redaction).toEqual({ found: preview.thirdParties.length, redacted: preview.thirdParties.length, labels: preview.thirdParties.map((p) => p.label) });
  });

  it('When they export it as HTML, Then it is a standalone GOV.UK-styled page with every answer, e-mail and viewer, no script, a strict CSP, and no redacted name', async () => {
    const admin = await api.signIn('admin@camden.example');
    const preview = (await (await admin.get('/api/cases/case-okafor/subject-access')).json()) as SubjectAccessPreview;
    const response = await exportOf(admin, 'format=html');
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'/);
    const html = await response.text();
    const bundle = (await (await exportOf(admin, 'format=json')).json()) as SubjectAccessBundle;
    const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en-GB">/);
    expect(html).not.toMatch(/<script|<img|<link|https?:\/\//i);
    expect(html).toContain('<h1>Subject access export: Okafor family</h1>');
    for (const form of bundle.forms) for (const row of form.sections.flatMap((s) => s.rows)) if (typeof row.value === 'string' && !row.items) expect(html).toContain(`<dt>${escape(row.label)}</dt><dd>${escape(row.value)}</dd>`);
    for (const email of bundle.emails) expect(html).toContain(escape(email.body));
    for (const entry of bundle.timeline) expect(html).toContain(escape(entry.text));
    for (const view of bundle.views) expect(html).toContain(`<td>${escape(view.who)}</td>`);
    for (const party of preview.thirdParties) expect(html.toLowerCase()).not.toContain(escape(party.name).toLowerCase());
  });

  it('When they export it as PDF, Then Chromium prints a tagged A4 PDF whose text is the document’s, without any redacted name', { timeout: 60_000 }, async () => {
    const admin = await api.signIn('admin@camden.example');
    const preview = (await (await admin.get('/api/cases/case-okafor/subject-access')).json()) as SubjectAccessPreview;
    const response = await exportOf(admin, 'format=pdf');
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="subject-access-CASE-OKA-family-2026-12-21.pdf"');
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/StructTreeRoot/); // tagged
    const { pages, text } = pdfText(pdf);
    const flat = text.replace(/\s+/g, ' ');
    expect(pages.length).toBeGreaterThan(1);
    for (const phrase of ['Subject access export: Okafor family', 'Ada Okafor', '2 April 2015', '2075010', 'IEYS Kentish Town East', 'Formal consultation and acceptance', 'Step down referral: the Okafor family', 'a subject access export', `Page ${pages.length} of ${pages.length}`]) {
      expect(flat.replace(/\s/g, ''), phrase).toContain(phrase.replace(/\s/g, ''));
    }
    for (const party of preview.thirdParties) expect(flat.replace(/\s/g, '').toLowerCase()).not.toContain(party.name.replace(/\s/g, '').toLowerCase());
    expect(flat).toContain('[Third party');
  });

  it('When they choose to redact only Kate Osei, or nobody, Then exactly those names are replaced, in every format', { timeout: 60_000 }, async () => {
    const admin = await api.signIn('admin@camden.example');
    const preview = (await (await admin.get('/api/cases/case-okafor/subject-access')).json()) as SubjectAccessPreview;
    const kate = preview.thirdParties.find((p) => p.name === 'Kate Osei')!;
    const onlyKate = await (await exportOf(admin, `format=json&redact=${encodeURIComponent(kate.id)}`)).text();
    expect(onlyKate).not.toContain('Kate Osei');
    expect(onlyKate).toContain(kate.label);
    expect(onlyKate).toContain('Fay Green');
    expect(JSON.parse(onlyKate).redaction).toEqual({ found: preview.thirdParties.length, redacted: 1, labels: [kate.label] });
    const html = await (await exportOf(admin, `format=html&redact=${encodeURIComponent(kate.id)}`)).text();
    expect(html).not.toContain('Kate Osei');
    expect(html).toContain('Fay Green');
    const none = await (await exportOf(admin, 'format=json&redact=none')).text();
    expect(none).toContain('Kate Osei');
    expect(none).toContain('Fay Green');
    expect(none).not.toContain('[Third party');
    // The audit says what went out, never a name.
    const entries = (await api.store.listAudit('case-okafor')).slice(-3);
    expect(entries.map((e) => e.detail['what'])).toEqual([
      `subject_access_export:json:family:redacted 1 of ${preview.thirdParties.length}`,
      `subject_access_export:html:family:redacted 1 of ${preview.thirdParties.length}`,
      `subject_access_export:json:family:redacted 0 of ${preview.thirdParties.length}`,
    ]);
    expect(JSON.stringify(await api.store.listAudit('case-okafor'))).not.toMatch(/Kate|Fay|Okafor/);
  });
});

describe('Given the Haddad case, about Amira and Layla', () => {
  it('When the admin exports what is held about Layla, Then it has the family-level facts and Layla’s entries, without Amira’s', async () => {
    const admin = await api.signIn('admin@camden.example');
    const preview = (await (await admin.get('/api/cases/case-haddad/subject-access?child=1')).json()) as SubjectAccessPreview;
    expect(preview).toMatchObject({ children: [{ index: 0, name: 'Amira Haddad' }, { index: 1, name: 'Layla Haddad' }], child: 1 });
    const response = await admin.get('/api/cases/case-haddad/subject-access/export?format=json&child=1');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="subject-access-CASE-HAD-child-2-2026-12-21.json"');
    const text = await response.text();
    const bundle = JSON.parse(text) as SubjectAccessBundle;
    const state = (await api.store.getCase('case-haddad'))! as CaseState;
    expect(bundle.scope).toEqual({ kind: 'child', child: 'Layla Haddad' });
    expect(bundle.case.children).toEqual([{ name: 'Layla Haddad', dateOfBirth: '2021-06-30', personId: '2075102' }]);
    expect(text).not.toContain('Amira');
    expect(text).not.toContain('2075101');
    const referral = bundle.forms.find((f) => f.form === 'Step down referral to the Early Help Step Down inbox')!;
    const items = referral.sections.flatMap((s) => s.rows).flatMap((r) => r.items ?? []);
    expect(items.map((i) => i.label)).toEqual(['Layla Haddad']);
    expect(items[0]!.rows).toEqual(expect.arrayContaining([{ label: 'MOSAIC ID number', value: '2075102' }]));
    // The family-level record is all there.
    expect(bundle.timeline).toHaveLength(state.history.length);
    const html = await (await admin.get('/api/cases/case-haddad/subject-access/export?format=html&child=1')).text();
    expect(html).toContain('<h1>Subject access export: Layla Haddad (Haddad family)</h1>');
    expect(html).not.toContain('Amira');
    expect((await api.store.listAudit('case-haddad')).at(-1)?.detail).toEqual({ what: 'subject_access_export:html:child 1:redacted 2 of 2' });
  });
});

describe('Who may export, and bad requests', () => {
  it('Given anyone but an admin, Then 403, whatever the case, and nothing is added to its log', async () => {
    const before = (await api.store.listAudit('case-okafor')).length;
    for (const email of ['social_worker@camden.example', 'eh_service_manager@camden.example', 'eh_front_door_manager@camden.example']) {
      const who = await api.signIn(email);
      for (const path of ['/api/cases/case-okafor/subject-access', '/api/cases/case-okafor/subject-access/export?format=json', '/api/cases/no-such-case/subject-access/export?format=html']) {
        const response = await who.get(path);
        expect(response.status).toBe(403);
        expect(await response.json()).toMatchObject({ code: 'not_allowed' });
      }
    }
    expect(await api.store.listAudit('case-okafor')).toHaveLength(before);
  });

  it('Given Graft’s admin, Then Camden’s case answers 404 exactly like an unknown case, and its log is untouched', async () => {
    const before = (await api.store.listAudit('case-okafor')).length;
    const graft = await api.signIn('admin@graft.example');
    for (const path of ['/api/cases/{id}/subject-access', '/api/cases/{id}/subject-access/export?format=json', '/api/cases/{id}/subject-access/export?format=pdf']) {
      const other = await graft.get(path.replace('{id}', 'case-okafor'));
      const missing = await graft.get(path.replace('{id}', 'no-such-case'));
      expect(other.status).toBe(404);
      expect(await other.json()).toEqual(await missing.json());
    }
    expect(await api.store.listAudit('case-okafor')).toHaveLength(before);
    expect((await graft.get('/api/cases/case-graft/subject-access/export?format=json')).status).toBe(200);
  });

  it('Given no session, Then 401', async () => {
    expect((await api.request('/api/cases/case-okafor/subject-access/export?format=json')).status).toBe(401);
  });

  it('Given a missing or unknown format, a child the case does not have, an unknown name to redact or an unknown parameter, Then 422 naming the parameter', async () => {
    const admin = await api.signIn('admin@camden.example');
    const cases: Array<[string, string]> = [
      ['', '/query/format'],
      ['format=docx', '/query/format'],
      ['format=json&child=1', '/query/child'],
      ['format=json&child=first', '/query/child'],
      ['format=json&redact=staff:camden.nobody', '/query/redact'],
      ['format=json&name=Okafor', '/query/name'],
      ['format=json&format=html', '/query/format'],
    ];
    for (const [query, pointer] of cases) {
      const response = await admin.get(`/api/cases/case-okafor/subject-access/export?${query}`);
      expect(response.status, query).toBe(422);
      const problem = (await response.json()) as { errors: Array<{ pointer: string }> };
      expect(problem.errors.map((e) => e.pointer), query).toContain(pointer);
    }
    expect((await admin.get('/api/cases/no-such-case/subject-access/export?format=json')).status).toBe(404);
    expect((await admin.get('/api/cases/no-such-case/subject-access')).status).toBe(404);
  });

  it('Given no Chromium where the server looks for it, Then the PDF answers 503 saying so, before anything is read, while HTML and JSON still work', async () => {
    const admin = await api.signIn('admin@camden.example');
    const before = (await api.store.listAudit('case-okafor')).length;
    const saved = process.env['STEPWISE_CHROMIUM_PATH'];
    process.env['STEPWISE_CHROMIUM_PATH'] = '/nonexistent/chromium';
    try {
      const response = await admin.get('/api/cases/case-okafor/subject-access/export?format=pdf');
      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await response.json()).toMatchObject({ status: 503, code: 'pdf_unavailable', detail: expect.stringContaining('/nonexistent/chromium') });
      expect(await api.store.listAudit('case-okafor')).toHaveLength(before);
      expect((await admin.get('/api/cases/case-okafor/subject-access/export?format=html')).status).toBe(200);
      expect((await admin.get('/api/cases/case-okafor/subject-access/export?format=json')).status).toBe(200);
    } finally {
      if (saved === undefined) delete process.env['STEPWISE_CHROMIUM_PATH'];
      else process.env['STEPWISE_CHROMIUM_PATH'] = saved;
    }
  });
});
