/**
 * What a person does around their work, through the pages only: sign in and out with the
 * header's links, go to My work, a tray or a case by following links, and find a task there.
 */
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

export const PASSWORD = 'stepwise-demo';

/** `expect.poll` with time for a loaded machine (pages fetch before they show). */
export const eventually = <T>(fn: () => T | Promise<T>, message?: string) => expect.poll(fn, { timeout: 10_000, ...(message ? { message } : {}) });

/** Waits for the page's main heading (pages show a status line while they load). */
export async function heading(page: Page, text?: string | RegExp): Promise<Locator> {
  const h1 = page.locator('main h1');
  await h1.waitFor();
  if (text !== undefined) await eventually(() => h1.textContent()).toMatch(text);
  return h1;
}

export async function signIn(page: Page, base: string, email: string): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await heading(page, 'Sign in to Stepwise');
  await page.fill('#email', email);
  await page.fill('#password', PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await heading(page, 'My work');
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('link', { name: /^Sign out/ }).click();
  await heading(page, 'Sign in to Stepwise');
}

/** Whoever is signed in now, as the footer says. */
export async function signedInAs(page: Page): Promise<string | null> {
  const footer = page.locator('footer');
  const text = (await footer.count()) > 0 ? await footer.textContent() : '';
  return /Signed in as (.+)$/m.exec(text ?? '')?.[1]?.trim() ?? null;
}

/** The header's "My work", then a team's tab if the work is in a tray. */
export async function openWorkList(page: Page, tray?: string): Promise<void> {
  await page.locator('nav[aria-label="Menu"]').getByRole('link', { name: 'My work' }).click();
  await heading(page, 'My work');
  if (!tray) return;
  await page.locator(`nav[aria-label="Work lists"] a[href="/trays/${tray}"]`).click();
  await heading(page);
  await page.locator('table').first().waitFor();
}

/** The row of the work table for a step of the family's case. */
export function workRow(page: Page, node: string, family: string): Locator {
  return page.locator(`table tr[data-node="${node}"]`, { hasText: family });
}

/** From the header's "Cases", a search by family name, then the case. Returns its id. */
export async function openCase(page: Page, family: string): Promise<string> {
  await page.locator('nav[aria-label="Menu"]').getByRole('link', { name: 'Cases' }).click();
  await heading(page, 'Cases');
  await page.fill('#search-q', family);
  await page.getByRole('button', { name: 'Search' }).click();
  await page.waitForURL(/\/cases\?q=/);
  const link = page.locator('table tr[data-case] a', { hasText: family }).first();
  await link.click();
  await heading(page, `${family} family`);
  return decodeURIComponent(new URL(page.url()).pathname.split('/')[2]!);
}
