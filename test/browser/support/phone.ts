/**
 * A walk on a phone: a 390 × 844 window, and at each new state of a task page no sideways scroll,
 * no serious or critical axe violation (WCAG 2.2 AA), and a photograph in test-artifacts/screenshots.
 * Expectations are soft, so one run lists every state at fault.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './axe.ts';
import type { Look } from './drive.ts';
import type { Stack } from './stack.ts';
import { SHOTS } from './stack.ts';

export const PHONE = { width: 390, height: 844 };

/** A page in a context of its own, phone-sized; axe goes in as an inline script, which the app's CSP would refuse. */
export async function phonePage(stack: Stack): Promise<Page> {
  return (await stack.browser.newContext({ viewport: PHONE, bypassCSP: true })).newPage();
}

/** The page's width against the window's, and what sticks out (for the failure message); run in the page. */
export function overflow(): { scrollWidth: number; innerWidth: number; wide: string[] } {
  const wide = [...document.querySelectorAll<HTMLElement>('body *')]
    .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
    .slice(0, 5)
    .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} (${Math.round(el.getBoundingClientRect().right)} px)`);
  return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, wide };
}

/** Looks at each state as `phone-390-<prefix>-<state>.png`. */
export function phoneLook(page: Page, prefix: string): Look {
  mkdirSync(SHOTS, { recursive: true });
  return async (state) => {
    const name = `${prefix}-${state}`;
    await page.screenshot({ path: join(SHOTS, `phone-${PHONE.width}-${name}.png`), fullPage: true });
    const sizes = await page.evaluate(overflow);
    expect.soft(sizes.scrollWidth, `${name} scrolls sideways: ${sizes.wide.join(', ')}`).toBeLessThanOrEqual(sizes.innerWidth);
    expect.soft(await axeViolations(page), `axe on ${name}`).toEqual([]);
  };
}
