/**
 * What an admin does in the designer, through its pages only: add a step from the toolbar, fill
 * its property panel, choose where arrows lead, wait for the live checks, open a problem. Every
 * control is found by the id the panel gives the pointer it edits (`#node-due-amount` for
 * `/due/after/amount`), so a problem and the control it is about share a name.
 */
import type { Locator, Page } from 'playwright-core';
import { eventually } from './support/people.ts';

/** The panel's id for a pointer inside the selected node (designer/src/designer/panel-context.ts). */
export const control = (rest: string) => `#node${rest.replace(/[^A-Za-z0-9]+/g, '-')}`;

export class DesignerPage {
  constructor(readonly page: Page) {}

  /** Waits until the draft is saved and checked (the debounce, the PUT, the engine's answer). */
  async saved(): Promise<void> {
    await this.page.waitForTimeout(60);
    await eventually(() => this.page.locator('[data-status]').getAttribute('data-status'), 'the draft saved').toBe('saved');
  }

  problems(): Locator {
    return this.page.locator('.stepwise-problem');
  }

  async problemCount(): Promise<number> {
    await this.saved();
    return Number(await this.page.locator('[data-problems]').getAttribute('data-problems'));
  }

  panel(id: string): Locator {
    return this.page.locator(`[data-node-panel="${id}"]`);
  }

  /** Adds a step of a kind from the toolbar, names it and gives it an id; its panel is open. */
  async add(kind: string, name: string, id: string): Promise<void> {
    await this.page.getByRole('toolbar', { name: 'Add a step' }).getByRole('button', { name: `Add a ${kind}`, exact: true }).click();
    await this.page.locator('[data-node-panel]').waitFor();
    await this.page.fill(control('/name'), name);
    await this.rename(id);
  }

  async rename(id: string): Promise<void> {
    const box = this.page.locator(control('/id'));
    await this.unfold(control('/id'));
    await box.fill(id);
    await box.press('Tab');
    await this.panel(id).waitFor({ timeout: 5000 }).catch(async (e) => {
      await this.page.screenshot({ path: '/tmp/dz/rename-fail.png', fullPage: true });
      throw e;
    });
  }

  /** Selects a step by focusing it on the map and pressing Enter (no pointer needed). */
  async select(id: string): Promise<void> {
    const node = this.page.locator(`.svelte-flow__node[data-id="${id}"]`);
    await node.focus();
    await this.page.keyboard.press('Enter');
    await this.panel(id).waitFor();
  }

  /** Opens the folded sections around a control, by their summaries, as a person would. */
  async unfold(selector: string): Promise<void> {
    const folds = this.page.locator(selector).first().locator('xpath=ancestor::details');
    for (let i = 0; i < (await folds.count()); i++) {
      const fold = folds.nth(i);
      if (!(await fold.evaluate((el) => (el as HTMLDetailsElement).open))) await fold.locator('xpath=./summary').click();
    }
  }

  async choose(rest: string, value: string): Promise<void> {
    await this.unfold(control(rest));
    await this.page.selectOption(control(rest), value);
  }

  async fill(rest: string, value: string): Promise<void> {
    await this.unfold(control(rest));
    await this.page.fill(control(rest), value);
  }

  /**
   * Ticks (or unticks) one box of a list the panel edits (`/roles`, `/nextActions/1/requires`),
   * opening the folded sections around it first as a person would, by their summaries.
   */
  async tick(rest: string, value: string, on = true): Promise<void> {
    const id = `${control(rest).slice(1)}-${value}`;
    const box = this.page.locator(`[id="${id}"]`);
    const folds = box.locator('xpath=ancestor::details');
    for (let i = 0; i < (await folds.count()); i++) {
      const fold = folds.nth(i);
      if (!(await fold.evaluate((el) => (el as HTMLDetailsElement).open))) await fold.locator('xpath=./summary').click();
    }
    if ((await box.isChecked()) !== on) await this.page.locator(`label[for="${id}"]`).click();
  }

  /** "Who does it" (or a recipient): a way, then its value. */
  async assignee(rest: string, way: string, value?: string): Promise<void> {
    await this.unfold(`${control(rest)}-way`);
    await this.page.selectOption(`${control(rest)}-way`, way);
    if (value === undefined) return;
    const field = { role: 'role', team: 'team', performerOf: 'step', passedToAt: 'step', mailbox: 'mailbox', passedTo: 'fallback' }[way] ?? way;
    await this.page.selectOption(`${control(rest)}-${field}`, value);
  }

  async due(amount: number, unit = 'working_days'): Promise<void> {
    await this.page.selectOption(`${control('/due')}-mode`, 'after');
    await this.page.fill(`${control('/due')}-amount`, String(amount));
    await this.page.selectOption(`${control('/due')}-unit`, unit);
  }

  /** Adds a next action with a label, leading to a step (chosen from the list, not dragged). */
  async action(index: number, label: string, to: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Add a next action' }).click();
    await this.fill(`/nextActions/${index}/label`, label);
    await this.choose(`/nextActions/${index}/to`, to);
  }

  /** Opens the step's form designer, making the form first if it has none. */
  async designForm(): Promise<void> {
    const link = this.page.getByRole('link', { name: /^Design the form/ });
    if ((await link.count()) === 0) {
      await this.page.getByRole('button', { name: 'Create a new form for this step' }).click();
      await link.waitFor();
    }
    await this.saved();
    await link.click();
    await this.page.locator('main h2', { hasText: /^Form: / }).waitFor();
  }

  /** In the form designer: adds a question of a palette type and sets its label, name and requiredness. */
  async question(type: string, label: string, name: string, options: { required?: boolean; message?: string; answers?: string[] } = {}): Promise<void> {
    const page = this.page;
    await page.getByRole('toolbar', { name: 'Add a question' }).getByRole('button', { name: `Add a ${type} question`, exact: true }).click();
    await page.locator('[data-editing]').waitFor();
    await page.fill('#field-label', label);
    await page.fill('#field-name', name);
    await page.locator('#field-name').blur();
    await page.locator(`[data-editing="${name}"]`).waitFor();
    if (options.answers) {
      for (const [i, answer] of options.answers.entries()) {
        if (i >= 2) await page.getByRole('button', { name: 'Add an answer' }).click();
        await page.fill(`#field-options-${i}`, answer);
      }
    }
    if (options.required) await page.locator('label[for="field-required"]').click();
    if (options.message) await page.fill('#field-message-required', options.message);
  }

  async toMap(): Promise<void> {
    await this.page.locator('nav[aria-label="Designer pages"]').getByRole('link', { name: 'Map' }).click();
    await this.page.locator('.svelte-flow__node').first().waitFor();
  }

  /** The map's "fit view" control, so every node is on screen. */
  async fitView(): Promise<void> {
    await this.page.locator('.svelte-flow__controls-fitview').click();
    await this.page.waitForTimeout(300);
  }

  /** The centre of an element on screen. */
  async centre(locator: Locator): Promise<{ x: number; y: number }> {
    const box = (await locator.boundingBox())!;
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }
}

/** Someone else saves the draft (sign in, load it, change it, PUT it with its token), as another browser would. */
export async function saveDraftElsewhere(base: string, email: string, id: string, edit: (definition: Record<string, unknown>) => void): Promise<void> {
  const signIn = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'stepwise-demo' }) });
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  const draft = (await (await fetch(`${base}/api/definitions/${id}/draft`, { headers: { cookie } })).json()) as { savedAt: string; definition: Record<string, unknown> };
  edit(draft.definition);
  const put = await fetch(`${base}/api/definitions/${id}/draft`, {
    method: 'PUT',
    headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json', 'if-match': draft.savedAt },
    body: JSON.stringify(draft.definition),
  });
  if (!put.ok) throw new Error(`PUT draft ${id}: ${put.status} ${await put.text()}`);
}
