/**
 * The designer in a real browser. The clinic's admin rebuilds the Clinic model's step-up route
 * (definitions/clinic.md, "The step-up route on its own") as a new protocol from an empty draft,
 * with the designer's pages only: steps from the toolbar, arrows by dragging and from lists,
 * forms from the palette, a problem the live checks flag fixed from the problems panel, a
 * what-if run, publishing — and then an Early Help Family Worker starts a case on it. Camden's
 * admin changes one timescale and the diff shows exactly that. axe-core checks every designer
 * page; the time to open, lay out and check Camden (81 nodes) and the bundle sizes are measured
 * and written to test-artifacts/designer-measurements.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { runScenario, type Scenario, type WorkflowDefinition } from '../../engine/index.ts';
import { control, DesignerPage, saveDraftElsewhere } from './designer-steps.ts';
import { FAMILY_FORM } from '../../designer/src/workspace/case/family-form.ts';
import { axeViolations } from './support/axe.ts';
import { fillForm } from './support/fill-form.ts';
import { apiAs } from './support/http.ts';
import { eventually, heading, signIn, signOut } from './support/people.ts';
import { ROOT, SHOTS, startStack, type Stack } from './support/stack.ts';

let stack: Stack;
let context: BrowserContext;
let page: Page;
let d: DesignerPage;
const measurements: Record<string, unknown> = {};

beforeAll(async () => {
  stack = await startStack();
  mkdirSync(SHOTS, { recursive: true });
  // axe is injected as a script, which the app's CSP forbids: this context alone bypasses it.
  context = await stack.browser.newContext({ bypassCSP: true, viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
  page = await context.newPage();
  d = new DesignerPage(page);
}, 120_000);
afterAll(async () => {
  mkdirSync(join(ROOT, 'test-artifacts'), { recursive: true });
  writeFileSync(join(ROOT, 'test-artifacts', 'designer-measurements.json'), `${JSON.stringify(measurements, null, 2)}\n`);
  await stack?.close();
});

/** axe finds nothing serious or critical, and the page is photographed as it is. */
async function check(name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(SHOTS, `designer-${name}.png`), fullPage: true });
  expect(await axeViolations(page), `axe on ${name}`).toEqual([]);
}

const ID = 'clinic-step-up';

describe('Given the clinic’s admin in the designer', { timeout: 600_000 }, () => {
  it('When she rebuilds the step-up route from an empty draft, fixes what the live checks flag, runs a what-if and publishes, Then a Family Worker can start a case on it', async () => {
    await signIn(page, stack.base, 'admin@clinic.example');
    await page.locator('nav[aria-label="Menu"]').getByRole('link', { name: 'Designer' }).click();
    await heading(page, 'Designer');
    await page.locator('table[data-definitions]').waitFor();
    await check('list');

    // A new protocol: a start leading to an end, no problems.
    await page.fill('#new-id', ID);
    await page.fill('#new-name', 'Step Up to Children’s Services (rebuilt)');
    await page.getByRole('button', { name: 'Create protocol' }).click();
    await heading(page, 'Step Up to Children’s Services (rebuilt)');
    await page.locator('.svelte-flow__node[data-id="start"]').waitFor();
    expect(await d.problemCount()).toBe(0);

    // Roles, teams and outcomes: copied from the clinic's own protocol.
    await page.selectOption('#copy-people', 'clinic');
    await page.getByRole('button', { name: 'Copy them' }).click();
    await page.locator('[data-row="eh_family_worker"]').waitFor();
    await d.saved();

    // The way in: the Family Worker raises worries.
    await d.select('start');
    await d.fill('/name', 'Step Up to Children’s Services');
    await page.locator(`label[for="${control('/roles').slice(1)}-eh_family_worker"]`).click();
    await d.fill('/stage', 'Raise worries');

    // Step Up §1: raise worries with the Senior Practitioner, by the end of the next working day.
    await d.add('User task', 'Raise worries with Senior Practitioner', 'raise_worries');
    await d.fill('/stage', 'Raise worries');
    await d.assignee('/assignee', 'performerOf', 'start');
    await d.due(1);
    await d.unfold(control('/escalations'));
    await page.getByRole('button', { name: 'Add a rung' }).click();
    await d.assignee('/escalations/0/notify/0', 'team', 'eh_family_worker_team');
    await d.designForm();
    await d.question('Long text', 'Worries which require a social work response', 'worries', { required: true, message: 'Enter the worries which require a social work response' });
    await d.question('Yes or no', 'Are there Child Protection concerns?', 'childProtectionConcerns', { required: true });
    await page.locator('.stepwise-preview__frame').getByText('Are there Child Protection concerns?').waitFor();
    await check('form-designer');
    await d.toMap();

    // The arrow from the start to it, drawn by dragging from one handle to the other.
    await d.fitView();
    const from = await d.centre(page.locator('.svelte-flow__node[data-id="start"] .svelte-flow__handle.source'));
    const to = await d.centre(page.locator('.svelte-flow__node[data-id="raise_worries"] .svelte-flow__handle.target'));
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 12 });
    await page.mouse.up();
    await eventually(() => page.locator('.svelte-flow__edge[data-id^="start"]').count()).toBe(1);
    await d.select('start');
    expect(await page.locator(control('/next')).inputValue()).toBe('raise_worries');

    // Step Up §2: the Senior Practitioner completes the MARF Form. Worries are passed on to her
    // (an arrow chosen from a list, no dragging), so the MARF Form can copy them.
    await d.add('User task', 'Complete MARF Form', 'su_marf');
    await d.fill('/stage', 'MARF');
    await d.assignee('/assignee', 'passedTo', 'eh_family_worker_team');
    await d.due(1);
    await d.select('raise_worries');
    await d.action(0, 'Raise worries with Senior Practitioner', 'su_marf');
    await page.locator('details', { hasText: 'Pass to, priority' }).first().locator('summary').click();
    await page.locator(`label[for="${control('/nextActions/0/passTo/workers').slice(1)}"]`).click();
    await d.select('su_marf');
    await d.designForm();
    await d.question('Date', 'Date of discussion with the Early Help Family Worker', 'dateOfDiscussion', { required: true });
    await d.question('Yes or no', 'Has the Thresholds Document been consulted?', 'thresholdsDocumentConsulted', { required: true });
    await d.question('Long text', 'Worries raised by the Early Help Family Worker', 'worries');
    await page.selectOption('#field-prefill', 'form.raise_worries.worries');
    await d.question('Long text', 'Rationale for the plan to step up to Children’s Services', 'rationale');
    // A question can also be dragged from the palette onto the form; this one goes again.
    const questions = page.locator('.stepwise-question');
    const count = await questions.count();
    const drag = await d.centre(page.locator('.stepwise-palette button[data-type="email"]'));
    const drop = await d.centre(page.locator('section.stepwise-questions h3').first());
    await page.mouse.move(drag.x, drag.y);
    await page.mouse.down();
    await page.mouse.move(drag.x + 20, drag.y + 20, { steps: 4 });
    await page.mouse.move(drop.x, drop.y, { steps: 8 });
    await page.mouse.up();
    await eventually(() => questions.count()).toBe(count + 1);
    await page.getByRole('button', { name: 'Remove this question' }).click();
    await eventually(() => questions.count()).toBe(count);
    await d.toMap();

    // Step Up §3: MASH decides, and a decision node routes on what it decided.
    await d.add('User task', 'MASH decision', 'su_mash_decision');
    await d.fill('/stage', 'MASH');
    await d.assignee('/assignee', 'team', 'mash');
    await d.due(1);
    await d.designForm();
    await d.question('Radios (one answer)', 'What did MASH decide?', 'decision', { required: true, answers: ['Step up to Children’s Services', 'Allocate to Early Help', 'Dispute'] });
    await d.question('Long text', 'Why is the decision disputed?', 'disputeReason', {});
    await page.selectOption('#field-reveal-by', 'decision');
    await page.locator('label[for="field-reveal-dispute"]').click();
    await page.locator('label[for="field-required"]').click();
    // The preview reveals the question under its answer.
    const preview = page.locator('.stepwise-preview__frame');
    await preview.getByText('Dispute', { exact: true }).click();
    await preview.getByText('Why is the decision disputed?').waitFor();
    await d.toMap();
    await d.select('su_marf');
    await d.action(0, 'Send MARF Form to MASH', 'su_mash_decision');

    await d.add('Decision', 'What did MASH decide?', 'mash_outcome');
    await d.fill('/stage', 'MASH');
    await d.select('su_mash_decision');
    await d.action(0, 'Record the MASH decision', 'mash_outcome');
    await page.locator('details', { hasText: 'Pass to, priority' }).first().locator('summary').click();
    await page.locator(`label[for="${control('/nextActions/0/passTo/teams').slice(1)}-social_work_team"]`).click();
    await page.locator(`label[for="${control('/nextActions/0/passTo/workers').slice(1)}"]`).click();
    // The rule builder offers the answers of the forms filled before the decision.
    await d.select('mash_outcome');
    await page.getByRole('button', { name: 'Add a branch' }).click();
    await page.getByRole('button', { name: 'Add a condition' }).click();
    await page.selectOption(`${control('/branches/0/when')}-0-field`, 'form.su_mash_decision.decision');
    await page.selectOption(`${control('/branches/0/when')}-0-value`, JSON.stringify('step_up_to_children_s_services'));
    await d.fill('/branches/0/label', 'Step up');
    await page.getByRole('button', { name: 'Add a branch' }).click();
    await page.locator(control('/branches/1/when')).getByRole('button', { name: 'Add a condition' }).click();
    await page.selectOption(`${control('/branches/1/when')}-0-field`, 'form.su_mash_decision.decision');
    await page.selectOption(`${control('/branches/1/when')}-0-value`, JSON.stringify('dispute'));
    await d.fill('/branches/1/label', 'Dispute');
    // The same rule as JSONLogic, for experts.
    await page.locator(control('/branches/1/when')).getByRole('button', { name: 'Show as JSONLogic' }).click();
    expect(JSON.parse(await page.locator(`${control('/branches/1/when')}-raw`).inputValue())).toEqual({ '==': [{ var: 'form.su_mash_decision.decision' }, 'dispute'] });

    // Disputes: the Operational Managers review jointly.
    await d.add('User task', 'Joint review by Operational Managers for Early Help and MASH', 'su_dispute_review');
    await d.assignee('/assignee', 'team', 'operational_managers');
    await d.due(5);

    // Step Up §4: the joint visit, and the ends.
    await d.add('User task', 'Joint visit (Social Worker and Early Help Family Worker)', 'su_joint_visit');
    await d.assignee('/assignee', 'passedTo', 'social_work_team');
    await d.due(5);
    await d.add('Notification', 'Tell Early Help the case stays with Early Help', 'su_tell_eh_allocated');
    await d.assignee('/to/0', 'performerOf', 'raise_worries');
    await d.fill('/subject', 'MARF Form for {{case.familyName}}: allocated to Early Help');
    await d.fill('/body', 'This is NOT a Step Down: Early Help continues to work with the family.');
    await d.add('End', 'Allocated to Early Help (NOT a Step Down)', 'su_mash_allocated_eh');
    await d.add('End', 'No step up: Early Help continues', 'su_eh_continues');
    await d.choose('/outcome', 'eh_continues');
    await d.select('end');
    await d.fill('/name', 'Stepped up to Children’s Services');
    await d.choose('/outcome', 'stepped_up');

    // The other arrows, chosen from lists: next actions, the decision's routes, next steps.
    await d.select('su_marf');
    await d.action(1, 'No social work response needed: continue with Early Help', 'su_eh_continues');
    await d.select('mash_outcome');
    await d.choose('/branches/0/to', 'su_joint_visit');
    await d.choose('/branches/1/to', 'su_dispute_review');
    await d.select('su_dispute_review');
    await d.action(0, 'Children’s Social Care is the right service: step up', 'su_joint_visit');
    await d.action(1, 'Early Help is the right service: allocate to Early Help (NOT a Step Down)', 'su_tell_eh_allocated');
    await d.select('su_joint_visit');
    await d.action(0, 'Joint visit completed', 'end');
    await d.select('su_tell_eh_allocated');
    await d.choose('/next', 'su_mash_allocated_eh');

    // The live checks: an end with no outcome and a decision with no default route.
    await d.saved();
    const problems = await d.problems().allTextContents();
    expect(problems.join('\n')).toContain('needs an outcome');
    expect(problems.join('\n')).toContain('has no default route');
    await eventually(() => page.locator('.svelte-flow__node[data-id="mash_outcome"] .stepwise-flow-node__marker').count()).toBe(1);
    await check('map-problems');
    // Each is fixed from its problem: the problem opens the step with the control focused.
    await page.locator('.stepwise-problem[data-code="decision_without_default"]').click();
    await d.panel('mash_outcome').waitFor();
    await eventually(() => page.evaluate(() => document.activeElement?.id)).toBe(control('/default').slice(1));
    await d.choose('/default', 'su_tell_eh_allocated');
    await page.locator('.stepwise-problem', { hasText: 'needs an outcome' }).click();
    await d.panel('su_mash_allocated_eh').waitFor();
    await eventually(() => page.evaluate(() => document.activeElement?.id)).toBe(control('/outcome').slice(1));
    await d.choose('/outcome', 'mash_allocated_eh');
    expect(await d.problemCount()).toBe(0);
    await check('map-panel');

    // Delete: a step added by mistake goes with its button; one that others lead to goes with
    // the Delete key, and the arrows left pointing at it are problems until they are re-pointed.
    await d.add('Parallel', 'Added by mistake', 'mistake');
    await page.getByRole('button', { name: /^Delete this step/ }).click();
    await eventually(() => page.locator('.svelte-flow__node[data-id="mistake"]').count()).toBe(0);
    await d.select('su_eh_continues');
    await page.locator('.svelte-flow__node[data-id="su_eh_continues"]').focus();
    await page.keyboard.press('Delete');
    await eventually(() => page.locator('.svelte-flow__node[data-id="su_eh_continues"]').count()).toBe(0);
    const dangling = page.locator('.stepwise-problem[data-code="unknown_node"]');
    await eventually(() => dangling.count()).toBe(1);
    expect(await dangling.textContent()).toContain('su_eh_continues');
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await page.locator('.svelte-flow__node[data-id="su_eh_continues"]').waitFor();
    expect(await d.problemCount()).toBe(0);

    // Move: by keyboard (select, then the arrow keys) and by dragging; the place is saved.
    const admin = await apiAs(stack.base, 'admin@clinic.example');
    const positionOf = async (id: string) => (await admin.get<{ definition: WorkflowDefinition }>(`/api/definitions/${ID}/draft`)).definition.nodes.find((n) => n.id === id)!.position!;
    const before = await positionOf('su_dispute_review');
    await d.select('su_dispute_review');
    await page.locator('.svelte-flow__node[data-id="su_dispute_review"]').focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowRight');
    await d.saved();
    expect((await positionOf('su_dispute_review')).x).toBe(before.x + 80);
    await d.fitView();
    const node = await d.centre(page.locator('.svelte-flow__node[data-id="su_tell_eh_allocated"]'));
    const beforeDrag = await positionOf('su_tell_eh_allocated');
    await page.mouse.move(node.x, node.y);
    await page.mouse.down();
    await page.mouse.move(node.x + 60, node.y + 40, { steps: 8 });
    await page.mouse.up();
    await d.saved();
    expect(await positionOf('su_tell_eh_allocated')).not.toEqual(beforeDrag);

    // Laid out again automatically (dagre, top to bottom), for a person to look at.
    await page.getByRole('button', { name: 'Lay out again' }).click();
    await d.saved();
    await d.fitView();
    await d.select('su_marf');
    await page.screenshot({ path: join(SHOTS, 'designer-map-laid-out.png') });

    // A what-if run on the draft: start on Monday 14 December 2026 and click through to the end.
    await page.locator('nav[aria-label="Designer pages"]').getByRole('link', { name: 'What-if runs' }).click();
    await page.locator('form[data-what-if-start]').waitFor();
    await page.fill('#run-date', '2026-12-14');
    await page.fill('#run-time', '09:30');
    await page.fill('#run-family', 'Okafor');
    // Each form starts from the engine's example answers (the what-if test fills them by hand).
    const examples = async (form: string) => {
      const button = page.locator(`${form} [data-example]`);
      if ((await button.count()) === 0) return;
      const answered = page.waitForResponse((r) => r.url().endsWith('/simulate'));
      await button.click();
      await answered;
    };
    await examples('form[data-what-if-start]');
    await page.getByRole('button', { name: 'Start the run' }).click();
    for (const task of ['raise_worries', 'su_marf', 'su_mash_decision']) {
      await page.locator(`form[data-task="${task}"]`).waitFor();
      await examples(`form[data-task="${task}"]`);
      await page.locator(`form[data-task="${task}"]`).getByRole('button', { name: /^Record/ }).click();
    }
    await page.locator('form[data-task="su_joint_visit"]').waitFor();
    await page.fill('#until-date', '2026-12-29');
    await page.locator('form[data-clock]').getByRole('button', { name: 'Let the clock run' }).click();
    await page.locator('form[data-task="su_joint_visit"]').waitFor();
    await examples('form[data-task="su_joint_visit"]');
    await page.locator('form[data-task="su_joint_visit"]').getByRole('button', { name: /^Record/ }).click();
    await page.locator('[data-final-status="closed"]').waitFor();
    // Raise worries was created on Monday 14th at 9:30 and due by the end of Tuesday 15th.
    const timeline = await page.locator('table[data-timeline]').textContent();
    expect(timeline).toContain('Monday 14 December 2026 at 9:30am');
    expect(timeline).toContain('due Tuesday 15 December 2026');
    expect(await page.locator('.stepwise-chart [data-task]').count()).toBe(4);
    expect(await page.locator('.stepwise-chart__holiday').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('[data-run-error]').count()).toBe(0);
    await check('what-if');
    // Saved as a scenario: the engine runs the file to the same end.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save as scenario' }).click()]);
    const scenario = JSON.parse(readFileSync((await download.path())!, 'utf8')) as Scenario;
    mkdirSync(join(ROOT, 'test-artifacts'), { recursive: true });
    writeFileSync(join(ROOT, 'test-artifacts', `${ID}.what-if.scenario.json`), JSON.stringify(scenario, null, 2));
    const draft = (await admin.get<{ definition: WorkflowDefinition }>(`/api/definitions/${ID}/draft`)).definition;
    const replay = runScenario(draft, scenario);
    expect(replay.failures).toEqual([]);
    expect(replay.caseState?.outcome?.id).toBe('stepped_up');

    // Publish: version 1.
    await d.toMap();
    await d.saved();
    await page.getByRole('button', { name: 'Publish' }).click();
    // Check your changes (a first version: nothing to compare with), a change note, then publish.
    await heading(page, 'Check your changes before publishing');
    await page.fill('#change-note', 'The step-up route, rebuilt from the Clinic model');
    await page.getByRole('button', { name: 'Publish version 1' }).click();
    await page.getByText('Version 1 published').waitFor();
    await page.locator('nav[aria-label="Designer pages"]').getByRole('link', { name: 'Versions' }).click();
    await page.locator('tr[data-version="1"]').waitFor();
    await check('versions');

    // A Family Worker starts a case on it from the workspace.
    await signOut(page);
    await signIn(page, stack.base, 'eh_family_worker@clinic.example');
    await page.goto(`${stack.base}/cases/new`);
    await heading(page, 'Start a case');
    const protocol = page.locator(`input[name="start-protocol"][value="${ID}"]`);
    await page.locator(`label[for="${await protocol.getAttribute('id')}"]`).click();
    await fillForm(page, FAMILY_FORM, { familyName: 'Okafor', children: [{ name: 'Ada Okafor' }] }, { prefix: 'family' });
    await page.getByRole('button', { name: 'Start case' }).click();
    await heading(page, 'Okafor family');
    await eventually(() => page.locator('main').textContent()).toContain('Raise worries with Senior Practitioner');
    await page.screenshot({ path: join(SHOTS, 'designer-practitioner-case.png'), fullPage: true });
    await signOut(page);
  });

  it('When Camden’s admin changes one timescale, Then the diff with version 1 shows exactly that change', async () => {
    await signIn(page, stack.base, 'admin@camden.example');
    await page.goto(`${stack.base}/designer/camden`);
    await page.locator('.svelte-flow__node[data-id="asm_screen"]').waitFor();
    await d.select('asm_screen');
    expect(await page.locator(`${control('/due')}-amount`).inputValue()).toBe('2');
    await page.fill(`${control('/due')}-amount`, '3');
    await d.saved();
    await page.locator('nav[aria-label="Designer pages"]').getByRole('link', { name: 'Versions' }).click();
    await page.selectOption('#diff-from', '1');
    await page.selectOption('#diff-to', 'draft');
    await page.getByRole('button', { name: 'Compare' }).click();
    const diff = page.locator('[data-diff]');
    await diff.waitFor();
    expect(await diff.getAttribute('data-total')).toBe('1');
    // In plain English, as on the check-your-changes page: the step by name, the deadline in words.
    expect((await diff.locator('[data-change]').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim())).toEqual([
      'Screen the step down referral: due within 3 working days (was 2); practitioners still read “within 2 working days”',
    ]);
    await check('diff');
    await signOut(page);
  });

  it('When an admin exports a protocol and imports it under a new ID, and someone else saves its draft while she edits, Then the copy opens as a draft and the clash is explained', async () => {
    await signIn(page, stack.base, 'admin@clinic.example');
    await page.locator('nav[aria-label="Menu"]').getByRole('link', { name: 'Designer' }).click();
    await page.locator('tr[data-definition="clinic"]').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('tr[data-definition="clinic"]').getByRole('button', { name: /^Export JSON/ }).click()]);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as WorkflowDefinition;
    expect(exported).toMatchObject({ id: 'clinic', authority: { id: 'clinic' } });
    const file = join(ROOT, 'test-artifacts', 'clinic-copy.json');
    writeFileSync(file, JSON.stringify({ ...exported, id: 'clinic-copy', name: 'Clinic model (copy)' }));
    await page.setInputFiles('#import-file', file);
    await heading(page, 'Clinic model (copy)');
    await page.locator('.svelte-flow__node[data-id="step_up"]').waitFor();
    expect(await d.problemCount()).toBe(0);

    await d.select('step_up');
    await saveDraftElsewhere(stack.base, 'admin@clinic.example', 'clinic-copy', (def) => (def['description'] = 'Changed in another browser'));
    await d.fill('/name', 'My change');
    await page.locator('[data-status="conflict"]').waitFor();
    expect(await page.locator('[data-draft-message]').textContent()).toContain('Someone else saved this draft');
    // Reloaded with their change; hers is not kept, and the next edit saves normally.
    expect(await page.locator(control('/name')).inputValue()).toBe('Step Up to Children\'s Services');
    await d.fill('/stage', 'Raise worries (checked)');
    await d.saved();
    // An arrow chosen by keyboard (Tab to it, Enter) and removed with Delete; undo brings it back.
    const arrow = page.locator('.svelte-flow__edge[data-id="step_up/next"]');
    await arrow.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Delete');
    await eventually(() => arrow.count()).toBe(0);
    await eventually(() => page.locator('.stepwise-problem').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await eventually(() => arrow.count()).toBe(1);
    expect(await d.problemCount()).toBe(0);
    await page.locator('nav[aria-label="Designer pages"]').getByRole('link', { name: 'Forms' }).click();
    await page.locator('main h2', { hasText: 'Forms' }).first().waitFor();
    await check('forms');
    await signOut(page);
  });

  it('When the admin says who may review a dispute, which outcomes go together and what the MARF Form checks, Then each is saved and the live checks hold her to it', async () => {
    await signIn(page, stack.base, 'admin@clinic.example');
    await page.goto(`${stack.base}/designer/${ID}`);
    await page.locator('.svelte-flow__node[data-id="su_dispute_review"]').waitFor();
    expect(await d.problemCount()).toBe(0);
    const admin = await apiAs(stack.base, 'admin@clinic.example');
    const draft = async () => (await admin.get<{ definition: WorkflowDefinition }>(`/api/definitions/${ID}/draft`)).definition;

    // Who may act: the two Operational Managers, and never whoever made the MASH decision disputed.
    await d.select('su_dispute_review');
    await d.tick('/roles', 'eh_operational_manager');
    await d.tick('/roles', 'mash_operational_manager');
    await d.saved();
    expect(await page.locator(control('/roles')).isVisible(), 'the list stays open while she ticks').toBe(true);
    await d.tick('/separateFrom', 'su_mash_decision');
    // Allocating to Early Help goes with telling MASH: a next action chosen together with it.
    await d.action(2, 'Record the outcome of the dispute for MASH', 'su_mash_allocated_eh');
    const together = await page.locator('[data-node-panel] [data-action]').nth(2).getAttribute('data-action');
    await d.tick('/nextActions/1/requires', together!);
    await page.locator('[data-one-at-a-time]').waitFor();
    // The live checks: actions chosen together need a step that takes several; the problem opens the control.
    await d.saved();
    await page.locator('.stepwise-problem[data-code="requires_multiple_actions"]').click();
    await eventually(() => page.evaluate(() => document.activeElement?.id)).toBe(control('/nextActions/1/requires').slice(1));
    await page.getByRole('button', { name: 'Allow several next actions to be chosen at once' }).click();
    expect(await d.problemCount()).toBe(0);
    const review = (await draft()).nodes.find((n) => n.id === 'su_dispute_review');
    expect(review).toMatchObject({ roles: ['eh_operational_manager', 'mash_operational_manager'], separateFrom: ['su_mash_decision'], multipleActions: true });
    expect(review?.kind === 'user_task' && review.nextActions[1]!.requires).toEqual([together]);
    await check('map-who-may-act');

    // A check on the MARF Form: a new one is a problem until worded, and the problem opens it.
    await d.select('su_marf');
    await d.designForm();
    await page.locator('#form-checks summary').click();
    await page.getByRole('button', { name: 'Add a check', exact: true }).click();
    await d.saved();
    const marf = (await draft()).nodes.find((n) => n.id === 'su_marf');
    const formId = marf?.kind === 'user_task' ? marf.form! : '';
    await page.locator('#form-check-0-message-error').waitFor();
    await d.toMap();
    await page.locator(`.stepwise-problem[data-path="/forms/${formId}/checks/0/message"]`).click();
    await page.waitForURL(/\?check=0$/);
    await eventually(() => page.evaluate(() => document.activeElement?.id)).toBe('form-check-0');
    await page.fill('#form-check-0-message', 'The date of discussion cannot be in the future');
    await page.selectOption('#form-check-0-field', '/dateOfDiscussion');
    // The rule as JSONLogic: one reading an answer the form does not have is flagged at the rule.
    await page.locator('#form-check-0-rule').getByRole('button', { name: 'Show as JSONLogic' }).click();
    const rule = (field: string) => JSON.stringify({ '<=': [{ var: `answers.${field}` }, { var: 'today' }] });
    await page.fill('#form-check-0-rule-raw', rule('dateOfDiscusion'));
    await page.locator('#form-check-0-rule-raw').press('Tab');
    await d.saved();
    await eventually(() => page.locator('#form-check-0-rule .govuk-error-message').first().textContent()).toContain('answers.dateOfDiscusion');
    await page.fill('#form-check-0-rule-raw', rule('dateOfDiscussion'));
    await page.locator('#form-check-0-rule-raw').press('Tab');
    await d.saved();
    expect(await page.locator('#form-check-0 .govuk-error-message').count()).toBe(0);
    expect((await admin.get<{ problems: unknown[] }>(`/api/definitions/${ID}/draft`)).problems).toEqual([]);
    expect((await draft()).forms[formId]!.checks).toEqual([
      { rule: JSON.parse(rule('dateOfDiscussion')), message: 'The date of discussion cannot be in the future', field: '/dateOfDiscussion' },
    ]);
    await check('form-checks');
    await signOut(page);
  });

  it('measures: opening, laying out and checking Camden (81 nodes), and the production bundle sizes', async () => {
    // A context with the app's own CSP in force, as people use it.
    const real = await stack.browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const p = await real.newPage();
    await signIn(p, stack.base, 'admin@camden.example');
    // Camden as stored (positions saved), and a copy without positions that dagre lays out.
    const admin = await apiAs(stack.base, 'admin@camden.example');
    const camden = (await admin.get<{ definition: WorkflowDefinition }>('/api/definitions/camden/draft')).definition;
    await admin.post('/api/definitions', { ...camden, id: 'camden-auto', nodes: camden.nodes.map(({ position: _p, ...n }) => n) });
    const timings: Record<string, number[]> = { camden: [], 'camden-auto': [] };
    for (let run = 0; run < 5; run++) {
      for (const id of Object.keys(timings)) {
        await p.goto(`${stack.base}/designer/${id}`);
        // Every node drawn (measured, so visible) and the problems panel filled from the engine.
        const ms = await p.waitForFunction(
          () => {
            const nodes = [...document.querySelectorAll('.svelte-flow__node')];
            const drawn = nodes.length === 81 && nodes.every((n) => getComputedStyle(n).visibility === 'visible');
            return drawn && document.querySelector('[data-problems]') ? performance.now() : null;
          },
          undefined,
          { timeout: 30_000, polling: 'raf' },
        );
        timings[id]!.push(Math.round((await ms.jsonValue())!));
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    measurements['openLayoutCheckMs'] = {
      note: 'navigation start → 81 nodes drawn and the problems panel filled, Chromium headless, loopback server; 5 runs',
      camdenStoredPositions: { median: median(timings['camden']!), runs: timings['camden'] },
      camdenDagreLayout: { median: median(timings['camden-auto']!), runs: timings['camden-auto'] },
    };
    await p.screenshot({ path: join(SHOTS, 'designer-camden-dagre.png') });
    await real.close();

    // Which build the server gave the browser: Svelte's development build (ownership warnings
    // compiled in) when the stack was built under vitest's NODE_ENV=test, else the production one.
    const served = readdirSync(join(ROOT, 'designer', 'dist', 'assets')).filter((f) => /^index-.*\.js$/.test(f));
    const devBuild = served.some((f) => readFileSync(join(ROOT, 'designer', 'dist', 'assets', f), 'utf8').includes('ownership_invalid_binding'));
    (measurements['openLayoutCheckMs'] as Record<string, unknown>)['servedBuild'] = devBuild ? 'svelte development build (built under NODE_ENV=test)' : 'production build';

    // The production bundle, built afresh into a folder of its own (designer/dist is the stack's).
    const out = mkdtempSync(join(tmpdir(), 'stepwise-bundle-'));
    execFileSync(join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--config', 'designer/vite.config.ts', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production' },
    });
    const assets = join(out, 'assets');
    const sizes = readdirSync(assets)
      .filter((f) => f.endsWith('.js') || f.endsWith('.css'))
      .map((f) => ({ file: f, bytes: statSync(join(assets, f)).size, gzip: gzipSync(readFileSync(join(assets, f))).length }));
    rmSync(out, { recursive: true, force: true });
    measurements['bundle'] = {
      note: 'production build (npm run build); pages-* is the designer, loaded only on /designer pages',
      files: sizes,
      designerGzip: sizes.filter((f) => f.file.startsWith('pages-')).reduce((n, f) => n + f.gzip, 0),
      workspaceGzip: sizes.filter((f) => f.file.startsWith('index-')).reduce((n, f) => n + f.gzip, 0),
    };
    expect(median(timings['camden']!)).toBeLessThan(5000);
    expect(sizes.length).toBeGreaterThan(2);
  });
});
