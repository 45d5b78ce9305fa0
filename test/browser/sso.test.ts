/**
 * Single sign-on in Chromium: Graft signs its staff in through its own OpenID provider (here
 * oidc-provider on loopback, with its development sign-in page standing in for Entra ID's).
 * Ada, in the family support workers' group, presses "Sign in with your council account", signs in at
 * the provider and lands in My work with the role and teams her group gives; Fin, in no group
 * that gives a role, comes back to the sign-in page told why. Both pages pass axe and are
 * photographed at 1280 and 390 px.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { startOidcProvider, type TestProvider } from '../support/oidc-provider.ts';
import { axeViolations } from './support/axe.ts';
import { eventually, heading, signedInAs } from './support/people.ts';
import { SHOTS, startStack, type Stack } from './support/stack.ts';

const FAMILY_SUPPORT = '7d1e2f3a-fsw';
let stack: Stack;
let provider: TestProvider | undefined;
const dir = mkdtempSync(join(tmpdir(), 'stepwise-sso-'));

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  stack = await startStack({
    env: async (base) => {
      provider = await startOidcProvider({
        clients: [{ clientId: 'stepwise-graft', clientSecret: 'graft-client-secret', redirectUris: [`${base}/auth/sso/graft/callback`] }],
        people: {
          ada: { email: 'ada.lovelace@graft.example', name: 'Ada Lovelace', groups: [FAMILY_SUPPORT, 'all-staff'] },
          fin: { email: 'fin.ance@graft.example', name: 'Fin Ance', groups: ['all-staff'] },
        },
      });
      const file = join(dir, 'sso.json');
      const settings = {
        stateKey: 'browser-test-state-key-at-least-32-characters',
        authorities: {
          graft: {
            issuer: provider.issuer,
            clientId: 'stepwise-graft',
            clientSecret: 'graft-client-secret',
            redirectUri: `${base}/auth/sso/graft/callback`,
            scopes: ['openid', 'email', 'profile', 'groups'],
            groups: { [FAMILY_SUPPORT]: { roles: ['fsw'], teams: ['strengthening_families'] } },
            allowHttpOnLoopback: true,
          },
        },
      };
      writeFileSync(file, JSON.stringify(settings), { mode: 0o600 });
      return { STEPWISE_SSO_CONFIG: file };
    },
  });
}, 120_000);
afterAll(async () => {
  await stack?.close();
  await provider?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A fresh browser (no cookie at Stepwise or at the provider); axe is injected, so the CSP is bypassed. */
async function freshPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await stack.browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  return { context, page: await context.newPage() };
}

/** axe finds nothing serious, and the page is photographed wide and narrow. */
async function check(page: Page, name: string): Promise<void> {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
    expect(await axeViolations(page), `axe on ${name} at ${width}px`).toEqual([]);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** At the provider's (development) sign-in page: any password will do. */
async function signInAtProvider(page: Page, login: string): Promise<void> {
  await page.waitForURL((url) => url.origin === provider!.issuer);
  await page.fill('input[name="login"]', login);
  await page.fill('input[name="password"]', 'any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
}

describe('Given Graft signs its staff in through its own OpenID provider, in Chromium', { timeout: 120_000 }, () => {
  it('When Ada, in the family support workers’ group, signs in with her council account, Then she lands in My work with the role and teams her group gives', async () => {
    const { context, page } = await freshPage();
    try {
      await page.goto(`${stack.base}/sign-in`);
      await heading(page, 'Sign in to Stepwise');
      const button = page.getByRole('button', { name: /^Sign in with your council account/ });
      await button.waitFor();
      // Graft keeps local passwords too (the demo's people): the form is still offered.
      await expect(page.locator('#email').count()).resolves.toBe(1);
      await expect(page.getByRole('heading', { name: 'Sign in with a Stepwise password' }).count()).resolves.toBe(1);
      await check(page, 'sso-sign-in');

      await button.click();
      await signInAtProvider(page, 'ada');
      await page.waitForURL(`${stack.base}/work`);
      await heading(page, 'My work');
      await eventually(() => signedInAs(page)).toContain('Ada Lovelace');
      const me = await page.evaluate(async () => (await (await fetch('/api/session')).json()) as { user: { roles: string[]; teams: string[]; authority: string } });
      expect(me.user).toMatchObject({ authority: 'graft', roles: ['fsw'], teams: ['strengthening_families'] });
      await check(page, 'sso-my-work');
      // The team comes from her group too (no role of hers opens it): its tray opens for her.
      await page.goto(`${stack.base}/trays/strengthening_families`);
      await heading(page, 'Strengthening Families');
    } finally {
      await context.close();
    }
  });

  it('When Fin, in no group that may use Stepwise, signs in, Then he is back at the sign-in page told why, and not signed in', async () => {
    const { context, page } = await freshPage();
    try {
      await page.goto(`${stack.base}/sign-in?next=/cases`);
      await page.getByRole('button', { name: /^Sign in with your council account/ }).click();
      await signInAtProvider(page, 'fin');
      await page.waitForURL(`${stack.base}/sign-in?sso=sso_no_role`);
      await heading(page, 'Sign in to Stepwise');
      const summary = page.locator('.govuk-error-summary');
      await eventually(() => summary.textContent()).toContain('Your council account is not in a group that may use Stepwise');
      expect(await page.title()).toBe('Error: Sign in – Stepwise');
      await eventually(() => page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary'))).toBe(true);
      expect(await page.evaluate(async () => (await fetch('/api/session')).status)).toBe(401);
      await check(page, 'sso-refused');
    } finally {
      await context.close();
    }
  });
});
