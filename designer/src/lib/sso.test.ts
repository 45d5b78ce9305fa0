import { describe, expect, it } from 'vitest';
import { buttonText, ssoMessage, startHref } from './sso.ts';

const camden = { id: 'camden', name: 'London Borough of Camden', href: '/auth/sso/camden' };

describe('The sign-in page’s single sign-on parts', () => {
  it('Given one council, Then its button says “council account”; given several, each is named', () => {
    expect(buttonText(camden, 1)).toBe('Sign in with your council account');
    expect(buttonText(camden, 2)).toBe('Sign in with your London Borough of Camden account');
  });

  it('Given the page the person was sent from, Then the start link carries it, encoded', () => {
    expect(startHref(camden, null)).toBe('/auth/sso/camden');
    expect(startHref(camden, '/cases/c-1?tab=timeline')).toBe('/auth/sso/camden?next=%2Fcases%2Fc-1%3Ftab%3Dtimeline');
  });

  it('Given a refusal’s code, Then the person is told why in plain words; an unknown code gets a general message', () => {
    expect(ssoMessage('sso_no_role')).toMatch(/^Your council account is not in a group that may use Stepwise/);
    expect(ssoMessage('sso_state_replayed')).toBe('That sign-in had already been used. Try signing in again.');
    expect(ssoMessage('constructor')).toBe('Signing in with your council account did not work. Try signing in again.');
    expect(ssoMessage('something_new')).toBe('Signing in with your council account did not work. Try signing in again.');
  });
});
