/**
 * Subject access in a real Chromium: Camden's admin follows the case page's link to the export
 * page, chooses which third parties' names to redact, opens the printable document (a page of
 * its own, checked against what the social worker and the front door recorded and against the
 * case's timeline and audit trail as the API gives them), and downloads the PDF and the JSON.
 * The PDF's text is read back from its fonts' ToUnicode maps. axe finds no serious or critical
 * violation on the export page or on the document; screenshots at 1280 and 390 px.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { camdenRoute } from './routes/camden.ts';
import { axeViolations } from './support/axe.ts';
import { apiAs, completeAt, type Client } from './support/http.ts';
import { eventually, heading, signIn, signOut } from './support/people.ts';
import { SHOTS, stackForFile, type Stack } from './support/stack.ts';
import { pdfText } from '../support/pdf-text.ts';

let stack: Stack;
let page: Page;
// axe goes in as an inline script, which the app's (and the document's) strict CSP would refuse.
stackForFile((opened) => ({ stack, page } = opened), { bypassCSP: true, viewport: { width: 1280, height: 900 } });

const route = camdenRoute();
const [refer, screen] = route.steps as [(typeof route.steps)[0], (typeof route.steps)[0]];
let caseId = '';
let admin: Client;

beforeAll(async () => {
  const sam = await apiAs(stack.base, route.starter);
  caseId = (await sam.post<{ id: string }>('/api/cases', { definition: route.definition, entry: route.entry, subject: route.family })).id;
  await completeAt(sam, caseId, refer.node, refer.data, refer.actions);
  await completeAt(await apiAs(stack.base, screen.who), caseId, screen.node, screen.data, screen.actions);
  admin = await apiAs(stack.base, 'admin@camden.example');
}, 120_000);

const longDate = (iso: string) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

async function check(name: string): Promise<void> {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: join(SHOTS, `subject-access-${name}-${width}.png`), fullPage: true });
    expect(await axeViolations(page), `${name} at ${width} px`).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), `${name} at ${width} px scrolls sideways`).toBe(true);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

interface ThirdParty {
  id: string;
  name: string;
  label: string;
}

describe('Given Camden’s Okafor referral, screened by the front door', { timeout: 300_000 }, () => {
  it('When a social worker opens the case, Then there is no export link, and the export page refuses them', async () => {
    await signIn(page, stack.base, route.starter);
    await page.goto(`${stack.base}/cases/${encodeURIComponent(caseId)}`);
    await heading(page, 'Okafor family');
    expect(await page.getByRole('link', { name: /Export what is held/ }).count()).toBe(0);
    await page.goto(`${stack.base}/cases/${encodeURIComponent(caseId)}/subject-access`);
    await heading(page, 'Sorry, there is a problem');
    expect(await page.locator('main').textContent()).toContain('Only admins can export what is held about a family.');
    await signOut(page);
  });

  it('When the admin exports it with one name left in, Then the document, the PDF and the JSON hold what was recorded, and no other third party’s name', async () => {
    await signIn(page, stack.base, 'admin@camden.example');
    await page.goto(`${stack.base}/cases/${encodeURIComponent(caseId)}`);
    await heading(page, 'Okafor family');
    await page.getByRole('link', { name: 'Export what is held about this family' }).click();
    await heading(page, 'Subject access export');
    await eventually(() => page.locator('[data-redaction]').textContent()).toBe('Every third party’s name is redacted.');
    await check('page');

    // Leave the front door manager's name in; everyone else found stays redacted.
    const preview = await admin.get<{ thirdParties: ThirdParty[] }>(`/api/cases/${encodeURIComponent(caseId)}/subject-access`);
    const frontDoor = preview.thirdParties.find((p) => p.name.includes('front door'))!;
    expect(frontDoor).toBeDefined();
    const redacted = preview.thirdParties.filter((p) => p.id !== frontDoor.id);
    expect(redacted.map((p) => p.name)).toContain('Demo Social worker (CIN social worker)');
    await page.getByLabel('Choose which names to redact').check();
    await page.getByLabel(frontDoor.name).uncheck();
    await eventually(() => page.locator('[data-redaction]').textContent()).toMatch(/^\d+ of \d+ third parties’ names are redacted\.$/);
    await check('choose');
    const href = (format: string) => page.locator(`[data-exports] a[data-format="${format}"]`).getAttribute('href');
    const htmlHref = (await href('html'))!;
    expect(new URL(htmlHref, stack.base).searchParams.get('redact')!.split(',').sort()).toEqual(expect.arrayContaining(redacted.map((p) => p.id)));

    // The timeline as the API has it (an audited read, so listed in the export among the viewers).
    const timeline = await admin.get<{ history: Array<{ text: string }> }>(`/api/cases/${encodeURIComponent(caseId)}/timeline`);

    // The printable document opens in the browser, as its own standalone page.
    await page.getByRole('link', { name: 'Open the printable document (HTML)' }).click();
    await page.waitForURL(/\/subject-access\/export\?format=html/);
    await heading(page, 'Subject access export: Okafor family');
    const text = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
    const answer = (label: string) => page.locator('dt', { hasText: label }).first().locator('xpath=following-sibling::dd[1]').innerText();
    // What the social worker recorded, field by field, as the case's people read it.
    const data = refer.data as Record<string, unknown>;
    expect(await answer('Date the family agreed')).toBe(longDate(data['agreementDate'] as string));
    expect(await answer('A brief outline of what support is needed from Early Help Services')).toBe(data['supportNeeded']);
    expect(await answer('Reasons / concerns that led to CSSW intervention')).toBe(data['reasonsForIntervention']);
    expect(await answer('Is this a Repeat Assessment?')).toBe('No');
    for (const child of route.family.children) {
      const item = page.locator('.item', { has: page.locator('strong', { hasText: child.name }) });
      expect(await item.locator('dt', { hasText: 'MOSAIC ID number' }).locator('xpath=following-sibling::dd[1]').innerText()).toBe(child.personId);
      expect(await item.locator('dt', { hasText: 'Date of birth' }).locator('xpath=following-sibling::dd[1]').innerText()).toBe(longDate(child.dateOfBirth!));
      expect(text).toContain(`${child.name} ${longDate(child.dateOfBirth!)} ${child.personId}`); // the children table
    }
    expect(await answer('Reasons for the decision')).toBe((screen.data as Record<string, unknown>)['rationale']);
    // The timeline, row for row, as the API's history has it; every viewer, row for row, as the audit trail has it.
    expect(await page.locator('[data-section="timeline"] tbody tr').count()).toBe(timeline.history.length);
    for (const entry of timeline.history) if (!redacted.some((p) => entry.text.includes(p.name))) expect(text).toContain(entry.text.replace(/\s+/g, ' '));
    const audit = await admin.get<{ entries: Array<{ action: string; actorName: string }> }>(`/api/cases/${encodeURIComponent(caseId)}/audit`);
    // The audit read just now came after the export, so it is the one read the document does not list.
    const reads = audit.entries.filter((e) => e.action === 'case_read').slice(0, -1);
    expect(await page.locator('[data-section="views"] tbody tr').count()).toBe(reads.length);
    expect(await page.locator('[data-section="views"] tbody tr').last().innerText()).toMatch(/\[Third party \d+\]\s+a subject access export/);
    // The e-mails, as the outbox holds them.
    const outbox = await admin.get<{ messages: Array<{ subject: string; body: string; caseId: string; kind: string }> }>(`/api/outbox?caseId=${encodeURIComponent(caseId)}&kind=notify`);
    expect(outbox.messages.length).toBeGreaterThan(0);
    expect(await page.locator('section.email').count()).toBe(outbox.messages.length);
    for (const message of outbox.messages) expect(text).toContain(message.subject);
    // The name left in is there; every other third party's is not.
    expect(text).toContain(frontDoor.name);
    for (const party of redacted) expect(text).not.toContain(party.name);
    await check('document');

    // The PDF and the JSON, downloaded with the admin's session, say the same.
    await page.goBack();
    await heading(page, 'Subject access export');
    await page.getByLabel('Choose which names to redact').check();
    await page.getByLabel(frontDoor.name).uncheck();
    const pdfResponse = await page.request.get(new URL((await href('pdf'))!, stack.base).toString());
    expect(pdfResponse.headers()['content-type']).toBe('application/pdf');
    const pdf = pdfText(Buffer.from(await pdfResponse.body()));
    const pdfFlat = pdf.text.replace(/\s/g, '');
    for (const phrase of ['Subject access export: Okafor family', ...route.family.children.flatMap((c) => [c.name, c.personId!]), data['supportNeeded'] as string, frontDoor.name]) {
      expect(pdfFlat, phrase).toContain(phrase.replace(/\s/g, ''));
    }
    for (const party of redacted) expect(pdfFlat).not.toContain(party.name.replace(/\s/g, ''));
    const json = await (await page.request.get(new URL((await href('json'))!, stack.base).toString())).text();
    expect(JSON.parse(json)).toMatchObject({ format: 'stepwise-subject-access', version: 1, case: { id: caseId, familyName: 'Okafor' } });
    expect(json).toContain(frontDoor.name);
    for (const party of redacted) expect(json).not.toContain(party.name);
  });
});
