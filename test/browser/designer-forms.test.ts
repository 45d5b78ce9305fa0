/**
 * The form designer and the property panel without JSON, in a real browser. The clinic's admin
 * adds a question whose data name comes from its text (then edits the name), changes its type,
 * adds a question inside a repeat, shows a question only under another's answer (said in the
 * answers' words), previews the error messages a practitioner would see; then, on the map, edits
 * the step-up sub-flow's input mapping, an escalation rung's reassignment and a start guard, and
 * the protocol's closure days and notes. The
 * draft the API returns holds exactly those changes. axe finds nothing serious or critical, and
 * each state is photographed at 1280 and 390 px.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { WorkflowDefinition } from '../../engine/index.ts';
import { control, DesignerPage } from './designer-steps.ts';
import { axeViolations } from './support/axe.ts';
import { apiAs } from './support/http.ts';
import { eventually, signIn } from './support/people.ts';
import { SHOTS, stackForFile, type Stack } from './support/stack.ts';

let stack: Stack;
let page: Page;
let d: DesignerPage;

// axe is injected as a script, which the app's CSP forbids: this context alone bypasses it.
stackForFile((opened) => { ({ stack, page } = opened); d = new DesignerPage(page); }, { bypassCSP: true, viewport: { width: 1280, height: 900 } });

/** axe finds nothing serious or critical; the page is photographed at 1280 and 390 px wide. */
async function check(name: string): Promise<void> {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: join(SHOTS, `designer-forms-${name}-${width}.png`), fullPage: true });
    expect(await axeViolations(page), `axe on ${name} at ${width} px`).toEqual([]);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

const editing = (key: string) => page.locator(`[data-editing="${key}"]`).waitFor();
const addFromPalette = (type: string) => page.getByRole('toolbar', { name: 'Add a question' }).getByRole('button', { name: `Add a ${type} question`, exact: true }).click();

describe('Given the clinic’s admin in the form designer and the property panel', { timeout: 600_000 }, () => {
  it('When she builds questions and edits a sub-flow’s input, an escalation and a start guard, Then the draft holds them, with no JSON typed', async () => {
    await signIn(page, stack.base, 'admin@clinic.example');
    await page.goto(`${stack.base}/designer/clinic/forms/joint_visit`);
    await page.locator('main h2', { hasText: /^Form: / }).waitFor();

    // A published question keeps its data name: cases already hold answers under it.
    await page.locator('[data-field="dateOfJointVisit"]').getByRole('button', { name: /^Edit/ }).click();
    await editing('dateOfJointVisit');
    expect(await page.locator('#field-name-locked').textContent()).toContain('cannot change');
    expect(await page.locator('#field-name').count()).toBe(0);

    // A new question is named from its text, and follows it until she names it herself.
    await addFromPalette('Text');
    await editing('newQuestion');
    await page.fill('#field-label', 'Date of the home visit');
    await editing('dateOfTheHomeVisit');
    expect(await page.inputValue('#field-name')).toBe('dateOfTheHomeVisit');
    await page.fill('#field-name', 'homeVisitDate');
    await page.locator('#field-name').blur();
    await editing('homeVisitDate');
    await page.fill('#field-label', 'Date of the last home visit');
    await page.waitForTimeout(100);
    await editing('homeVisitDate');

    // Its type changes from text to date: what is lost is said first.
    await page.selectOption('#field-type', 'date');
    await expect.poll(() => page.locator('[data-type-losses]').textContent()).toContain('maximum length');
    await page.getByRole('button', { name: 'Change it to Date' }).click();
    await expect.poll(() => page.locator('[data-field="homeVisitDate"]').textContent()).toContain('Date');
    await page.locator('label[for="field-required"]').click();
    await page.fill('#field-message-required', 'Enter the date of the last home visit');

    // The error states, as a practitioner sees them.
    await page.locator('#field-error-states summary').click();
    await expect.poll(() => page.locator('[data-error-state="required"] .govuk-error-message').textContent()).toContain('Enter the date of the last home visit');
    await expect.poll(() => page.locator('[data-error-state="format"] .govuk-error-message').textContent()).toContain('Date of the last home visit must be a real date');
    await check('error-states');

    // A condition by label: "Team name" shown when the screening decision is "Allocate to a team".
    await addFromPalette('Radios (one answer)');
    await editing('newQuestion');
    await page.fill('#field-label', 'Screening decision');
    await editing('screeningDecision');
    await page.fill('#field-options-0', 'Allocate to a team');
    await page.fill('#field-options-1', 'No further action');
    await addFromPalette('Text');
    await page.fill('#field-label', 'Team name');
    await editing('teamName');
    await page.selectOption('#field-reveal-by', 'screeningDecision');
    await page.locator('label[for="field-reveal-allocate_to_a_team"]').click();
    await expect.poll(() => page.locator('[data-field="teamName"]').textContent()).toContain('shown when Screening decision is ‘Allocate to a team’');

    // A question inside a repeat, moved above the one it came with.
    await addFromPalette('Repeat (one per child...)');
    await page.fill('#field-label', 'Children seen');
    await editing('childrenSeen');
    await page.selectOption('#repeat-childrenSeen-add-type', 'date');
    await page.getByRole('button', { name: 'Add a question inside “Children seen”' }).click();
    await editing('childrenSeen/newQuestion');
    await page.fill('#field-label', 'Date seen');
    await editing('childrenSeen/dateSeen');
    await page.locator('label[for="field-required"]').click();
    await page.locator('[data-field="childrenSeen/dateSeen"]').getByRole('button', { name: /^Up/ }).click();
    await expect.poll(() => page.locator('[data-repeat="childrenSeen"] li').first().getAttribute('data-field')).toBe('childrenSeen/dateSeen');
    // The whole form as sent with nothing answered: every required question's message.
    await page.locator('label[for="preview-empty"]').click();
    await expect.poll(() => page.locator('.stepwise-preview .govuk-error-summary').textContent()).toContain('Enter the date of the last home visit');
    expect(await page.locator('.stepwise-preview #preview-homeVisitDate-day').getAttribute('class')).toContain('govuk-input--error');
    await check('repeat');
    await d.saved();

    // On the map: the step-up sub-flow's input, taken from another answer.
    await page.goto(`${stack.base}/designer/clinic?node=sd_step_up`);
    await d.panel('sd_step_up').waitFor();
    const from = control('/input/latestCaseSummary');
    const other = await page.locator(`${from} option`).evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter((v) => v.startsWith('form.') && v !== 'form.eh_review.latestCaseSummary'));
    expect(other.length).toBeGreaterThan(0);
    await page.selectOption(from, other[0]!);
    await check('subflow');
    await d.saved();

    // An escalation rung that also reassigns the task.
    await page.goto(`${stack.base}/designer/clinic?node=case_discussion`);
    await d.panel('case_discussion').waitFor();
    // The panel opens on the step's main facts; the rest is folded under summaries.
    expect(await page.locator(`${control('/due')}-amount`).isVisible()).toBe(true);
    expect(await page.locator('#node-section-escalations summary').textContent()).toContain('2 rungs');
    expect(await page.locator(control('/escalations')).isVisible()).toBe(false);
    await d.assignee('/escalations/0/reassignTo', 'role', 'eh_team_manager');
    await check('escalation');
    await d.saved();

    // A start guard over the intake answers, from rows.
    await page.goto(`${stack.base}/designer/clinic?node=step_up`);
    await d.panel('step_up').waitFor();
    await page.locator('#node-section-guards summary').click();
    await page.getByRole('button', { name: 'Add a guard' }).click();
    await page.fill('#node-guards-0-message', 'Say what the worries are');
    await page.locator(control('/guards')).getByRole('button', { name: 'Add a condition' }).click();
    await page.selectOption('#node-guards-0-rule-0-field', 'form.step_up.worries');
    await page.selectOption('#node-guards-0-rule-0-op', '!=');
    await page.fill('#node-guards-0-rule-0-value', '');
    await check('start-guard');
    await d.saved();

    // The protocol's own closure days and notes, with no step selected.
    await page.goto(`${stack.base}/designer/clinic`);
    await page.locator('#definition-panel-heading').waitFor();
    await page.locator('#definition-section-calendar summary').click();
    await page.getByRole('button', { name: 'Add a closure day' }).click();
    await page.fill('#calendar-closureDays-0-date', '2026-12-29');
    await page.fill('#calendar-closureDays-0-name', 'Christmas closure');
    await page.locator('#definition-section-notes summary').click();
    await page.getByRole('button', { name: 'Add a note' }).click();
    await page.fill('#notes-30-text', 'The protocol does not say who may start a step up: Early Help Family Workers only.');
    await page.selectOption('#notes-30-about', 'step_up');
    await check('protocol');
    await d.saved();

    // The draft, as the API has it.
    const admin = await apiAs(stack.base, 'admin@clinic.example');
    const { definition } = await admin.get<{ definition: WorkflowDefinition }>('/api/definitions/clinic/draft');
    const form = definition.forms!['joint_visit']!;
    const props = form.schema['properties'] as Record<string, Record<string, unknown>>;
    expect(props['homeVisitDate']).toEqual({ type: 'string', format: 'date', title: 'Date of the last home visit' });
    expect(form.schema['required']).toContain('homeVisitDate');
    expect(form.errorMessages?.['/homeVisitDate']).toEqual({ required: 'Enter the date of the last home visit' });
    expect(props['screeningDecision']!['oneOf']).toEqual([{ const: 'allocate_to_a_team', title: 'Allocate to a team' }, { const: 'no_further_action', title: 'No further action' }]);
    const layout = form.layout!.sections.flatMap((s) => s.fields);
    expect(layout.find((f) => f.field === 'teamName')?.revealedBy).toEqual({ field: 'screeningDecision', values: ['allocate_to_a_team'] });
    const items = props['childrenSeen']!['items'] as Record<string, unknown>;
    expect(items['properties']).toMatchObject({ dateSeen: { type: 'string', format: 'date', title: 'Date seen' }, name: { type: 'string' } });
    expect(items['required']).toEqual(['dateSeen']);
    expect(layout.find((f) => f.field === 'childrenSeen')?.fields?.map((f) => f.field)).toEqual(['dateSeen', 'name']);
    const node = (id: string) => definition.nodes.find((n) => n.id === id) as unknown as Record<string, unknown>;
    expect(node('sd_step_up')['input']).toEqual({ latestCaseSummary: other[0], worries: 'form.eh_review.worries' });
    expect((node('case_discussion')['escalations'] as Array<Record<string, unknown>>)[0]!['reassignTo']).toEqual({ role: 'eh_team_manager' });
    expect(node('step_up')['guards']).toEqual([{ message: 'Say what the worries are', rule: { '!=': [{ var: 'form.step_up.worries' }, ''] } }]);
    expect(definition.calendar?.closureDays).toEqual([{ date: '2026-12-29', name: 'Christmas closure' }]);
    expect(definition.notes?.[30]).toEqual({ text: 'The protocol does not say who may start a step up: Early Help Family Workers only.', about: 'step_up' });
    await eventually(() => page.locator('[data-status]').getAttribute('data-status')).toBe('saved');
  });
});
