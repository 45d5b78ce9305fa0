/**
 * Camden's map at the size of a real protocol (81 steps, 107 arrows), in Chromium: the admin
 * finds a step by name and the map selects it, zooms to it and opens its panel; a keyboard-only
 * admin edits a step through the outline, and the draft saves it; a deleted step comes back
 * with "Undo delete"; steps come before arrows in the Tab order, and arrows are named by the
 * steps they join. axe checks the map, the outline and the open find list; screenshots at 1280
 * and 390 px wide go to test-artifacts/screenshots/designer-map-*.png.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { WorkflowDefinition } from '../../engine/index.ts';
import { DesignerPage } from './designer-steps.ts';
import { axeViolations } from './support/axe.ts';
import { apiAs } from './support/http.ts';
import { eventually, heading, signIn } from './support/people.ts';
import { SHOTS, stackForFile, type Stack } from './support/stack.ts';

let stack: Stack;
let page: Page;
let d: DesignerPage;

// axe is injected as a script, which the app's CSP forbids: this context alone bypasses it.
stackForFile((opened) => { ({ stack, page } = opened); d = new DesignerPage(page); }, { bypassCSP: true, viewport: { width: 1280, height: 800 } });

/** axe finds nothing serious or critical, and the page is photographed as it is. */
async function check(name: string, fullPage = false): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  const width = page.viewportSize()!.width;
  await page.screenshot({ path: join(SHOTS, `designer-map-${name}-${width}.png`), fullPage });
  expect(await axeViolations(page), `axe on ${name} at ${width} px`).toEqual([]);
}

let signedIn = false;

async function openCamden(query = ''): Promise<void> {
  if (!signedIn) await signIn(page, stack.base, 'admin@camden.example');
  signedIn = true;
  await page.goto(`${stack.base}/designer/camden${query}`);
  await heading(page, /Camden|Step down/);
  await page.locator(query.includes('outline') ? '[data-outline]' : '.svelte-flow__node[data-id="asm_screen"]').waitFor();
  await d.saved();
}

/** The map's zoom, from its viewport's transform. */
const zoom = () => page.locator('.svelte-flow__viewport').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);

/** Whether the element lies wholly inside the map's canvas on screen. */
async function onCanvas(selector: string): Promise<boolean> {
  const [box, canvas] = await Promise.all([page.locator(selector).boundingBox(), page.locator('.stepwise-canvas').boundingBox()]);
  return !!box && !!canvas && box.x >= canvas.x && box.y >= canvas.y && box.x + box.width <= canvas.x + canvas.width && box.y + box.height <= canvas.y + canvas.height;
}

const nameOf = async (id: string) => (await (await apiAs(stack.base, 'admin@camden.example')).get<{ definition: WorkflowDefinition }>('/api/definitions/camden/draft')).definition.nodes.find((n) => n.id === id)?.name;

describe('Given Camden’s admin on the map of an 81-step protocol', { timeout: 300_000 }, () => {
  it('When the map opens fitted, Then steps are in boxes by stage with short labels readable on screen, steps come before arrows and arrows are named by steps', async () => {
    await openCamden();
    expect(await page.locator('.svelte-flow__node').count()).toBe(81);
    expect(await page.locator('.stepwise-lane').count()).toBe(16);
    await check('fitted');
    // Zoomed out to fit, each step shows its short label in type at least 11 px high on screen.
    const z = await zoom();
    expect(z).toBeGreaterThan(0.3);
    const label = page.locator('.svelte-flow__node[data-id="asm_screen"] .stepwise-flow-node__short');
    expect(await label.isVisible()).toBe(true);
    expect(parseFloat(await label.evaluate((el) => getComputedStyle(el).fontSize)) * z).toBeGreaterThanOrEqual(11);
    expect(await label.textContent()).toContain('Screen step down');

    // Tab order is page order: the first step before the first arrow.
    const order = await page.evaluate(() => {
      const node = document.querySelector('.svelte-flow__node[tabindex="0"]')!;
      const edge = document.querySelector('.svelte-flow__edge[tabindex="0"]')!;
      return node.compareDocumentPosition(edge) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    expect(order).toBeTruthy();
    // From the top of the page, the first step is a couple of dozen Tabs away, not 130.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    let tabs = 0;
    while (!(await page.evaluate(() => document.activeElement?.classList.contains('svelte-flow__node'))) && tabs < 60) {
      await page.keyboard.press('Tab');
      tabs++;
    }
    expect(tabs).toBeLessThan(40);
    const arrow = page.locator('.svelte-flow__edge[data-id="referral/nextActions/0/to"]');
    expect(await arrow.getAttribute('aria-label')).toMatch(/^Arrow from Get the family’s agreement and e-mail the Early Help Step Down inbox to .+: .+/);
  });

  it('When she finds a step by name, Then it is selected, its panel is open and the map is zoomed to it with its full name shown', async () => {
    await openCamden();
    await page.locator('#find-step').fill('joint home');
    const options = page.getByRole('listbox', { name: 'Steps found' }).getByRole('option');
    await eventually(() => options.count()).toBeGreaterThan(0);
    expect(await options.first().textContent()).toContain('Joint home visit');
    await check('find-open');
    await page.keyboard.press('ArrowDown');
    const id = await options.first().getAttribute('data-find-step');
    await page.keyboard.press('Enter');
    await d.panel(id!).waitFor();
    await eventually(() => onCanvas(`.svelte-flow__node[data-id="${id}"]`)).toBe(true);
    await eventually(zoom).toBeGreaterThan(0.79);
    expect(await page.locator(`.svelte-flow__node[data-id="${id}"] .stepwise-flow-node__name`).isVisible()).toBe(true);
    expect(await page.locator(`.svelte-flow__node[data-id="${id}"]`).getAttribute('class')).toContain('selected');
    await check('found');

    // The panel can be hidden: the map takes the whole width.
    const before = (await page.locator('.stepwise-canvas').boundingBox())!.width;
    await page.getByRole('button', { name: 'Hide the panel' }).click();
    await eventually(async () => (await page.locator('.stepwise-canvas').boundingBox())!.width).toBeGreaterThan(before + 250);
    await page.getByRole('button', { name: /^Show the panel/ }).click();
    await d.panel(id!).waitFor();
  });

  it('When she deletes a step, Then a banner offers "Undo delete", and undoing restores the step and its arrows', async () => {
    await openCamden();
    const problems = await d.problemCount();
    const arrows = await page.locator('.svelte-flow__edge').count();
    await page.locator('#find-step').fill('Screen the step down referral');
    await page.keyboard.press('Enter');
    await d.panel('asm_screen').waitFor();
    await page.getByRole('button', { name: /^Delete this step/ }).click();
    const banner = page.locator('[data-undo-delete]');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('“Screen the step down referral” was deleted.');
    await eventually(() => page.locator('.svelte-flow__node[data-id="asm_screen"]').count()).toBe(0);
    await eventually(() => d.problemCount()).toBeGreaterThan(problems);
    await check('deleted');
    await banner.getByRole('button', { name: /^Undo delete/ }).click();
    await d.panel('asm_screen').waitFor();
    await eventually(() => banner.count()).toBe(0);
    expect(await page.locator('.svelte-flow__edge').count()).toBe(arrows);
    expect(await d.problemCount()).toBe(problems);
    await check('restored');

    // The Delete key on the map offers the same way back.
    await page.locator('.svelte-flow__node[data-id="asm_screen"]').focus();
    await page.keyboard.press('Delete');
    await banner.waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await d.panel('asm_screen').waitFor();
    expect(await d.problemCount()).toBe(problems);
  });

  it('When a keyboard-only admin edits a step through the outline, Then the draft saves the change', async () => {
    await openCamden();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const tabTo = async (selector: string, max = 100) => {
      for (let i = 0; i < max; i++) {
        if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`Tab never reached ${selector}`);
    };
    await tabTo('.stepwise-map-bar__view[aria-pressed="false"]');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Outline');
    await page.keyboard.press('Enter');
    await page.locator('[data-outline]').waitFor();
    await check('outline');
    await tabTo('[data-outline-step="asm_screen"] button');
    await page.keyboard.press('Enter');
    await d.panel('asm_screen').waitFor();
    await eventually(() => page.evaluate(() => document.activeElement?.id)).toBe('node-panel-heading');
    await tabTo('#node-name', 10);
    await page.keyboard.press('End');
    await page.keyboard.type(' (checked)');
    await page.keyboard.press('Tab');
    await d.saved();
    expect(await nameOf('asm_screen')).toBe('Screen the step down referral (checked)');
    // The outline shows the new name, and closing the panel returns to the step there.
    expect(await page.locator('[data-outline-step="asm_screen"] button').textContent()).toContain('(checked)');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Close/);
    await page.keyboard.press('Enter');
    await eventually(() => page.evaluate(() => document.activeElement?.closest('[data-outline-step]')?.getAttribute('data-outline-step'))).toBe('asm_screen');
    // Each way out names its action or branch and the step it leads to.
    const ways = await page.locator('[data-outline-step="asm_screen"] .stepwise-outline__ways li').allTextContents();
    expect(ways.length).toBeGreaterThan(1);
    for (const w of ways) expect(w).toMatch(/\S.*→.*\S/);
  });

  it('When the window is a phone’s, Then the map, the outline and the panel are usable at 390 px', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openCamden();
    await check('fitted');
    await page.locator('#find-step').fill('daily discussion');
    await page.keyboard.press('Enter');
    await page.locator('[data-node-panel]').waitFor();
    await check('found', true);
    await page.getByRole('button', { name: 'Outline' }).click();
    await page.locator('[data-outline]').waitFor();
    await check('outline');
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});
