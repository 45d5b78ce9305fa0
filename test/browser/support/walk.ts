/**
 * One authority's run: start the case, every step in turn, then the case page's outcome; what
 * each task page showed from earlier steps goes to test-artifacts/case-file-<definition>.md, and
 * what each confirmation said to confirmations-<definition>.md.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { Route } from '../routes/route.ts';
import { writeCaseFileTable } from './case-file.ts';
import { writeConfirmations } from './confirmation.ts';
import { definitionFile, intakeForm } from './definition.ts';
import { Walker, type Look } from './drive.ts';
import { eventually } from './people.ts';
import { SHOTS } from './stack.ts';

export { intakeForm };

export async function walkRoute(page: Page, base: string, route: Route, look?: Look): Promise<{ caseId: string; walker: Walker }> {
  const walker = new Walker(page, base, look);
  const caseId = await walker.start(route, intakeForm(route.definition, route.entry));
  for (const step of route.steps) await walker.step(step, route.family.familyName);
  writeCaseFileTable(route.definition, `${definitionFile(route.definition).name}, from ${route.entry}`, walker.caseFiles);
  writeConfirmations(route.definition, walker.confirmations);
  const facts = page.locator('main .govuk-summary-list').first();
  await eventually(() => facts.textContent()).toContain(route.outcome);
  expect(await facts.textContent()).toContain('Closed');
  // The case page at the end, for a person to look at.
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${route.definition}-${route.entry}-closed.png`), fullPage: true });
  return { caseId, walker };
}
