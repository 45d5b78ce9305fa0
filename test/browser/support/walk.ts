/** One authority's run: start the case, every step in turn, then the case page's outcome. */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { FormInput } from '../../../designer/src/lib/forms/model.ts';
import type { WorkflowDefinition } from '../../../engine/schema/definition.types.ts';
import type { Route } from '../routes/route.ts';
import { Walker } from './drive.ts';
import { eventually } from './people.ts';
import { ROOT, SHOTS } from './stack.ts';

/** The intake form of a way in, from the definition file the server published. */
export function intakeForm(definitionId: string, entry: string): FormInput | null {
  const definition = JSON.parse(readFileSync(join(ROOT, 'definitions', `${definitionId}.json`), 'utf8')) as WorkflowDefinition;
  const start = definition.nodes.find((n) => n.id === entry);
  return start?.kind === 'start' && start.form ? (definition.forms[start.form] ?? null) : null;
}

export async function walkRoute(page: Page, base: string, route: Route): Promise<{ caseId: string; walker: Walker }> {
  const walker = new Walker(page, base);
  const caseId = await walker.start(route, intakeForm(route.definition, route.entry));
  for (const step of route.steps) await walker.step(step, route.family.familyName);
  const facts = page.locator('main .govuk-summary-list').first();
  await eventually(() => facts.textContent()).toContain(route.outcome);
  expect(await facts.textContent()).toContain('Closed');
  // The case page at the end, for a person to look at.
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${route.definition}-${route.entry}-closed.png`), fullPage: true });
  return { caseId, walker };
}
