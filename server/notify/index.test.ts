import { describe, expect, it } from 'vitest';
import type { Store } from '../store/index.ts';
import { notifierFromEnvironment, notifierKind } from './index.ts';

const key = 'stepwise-live-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0';
const template = 'f33517ff-2a88-4f6e-b855-c550268ce08a';
// Choosing a notifier reads no data; none of these calls reaches the store.
const store = {} as Store;

describe('choosing how e-mails leave', () => {
  it('Given a Notify key and template, Then GOV.UK Notify, even if SMTP is set too', () => {
    expect(notifierKind({ GOV_UK_NOTIFY_API_KEY: key, GOV_UK_NOTIFY_TEMPLATE_ID: template, SMTP_URL: 'smtp://relay:25', SMTP_FROM: 'a@b.c' })).toBe('gov-uk-notify');
    expect(typeof notifierFromEnvironment(store, { GOV_UK_NOTIFY_API_KEY: key, GOV_UK_NOTIFY_TEMPLATE_ID: template }).send).toBe('function');
  });

  it('Given an SMTP URL and a sender, Then SMTP; given nothing (or blanks), Then the in-app outbox', () => {
    expect(notifierKind({ SMTP_URL: 'smtp://relay.camden.gov.uk:587', SMTP_FROM: 'Stepwise <stepwise@camden.gov.uk>' })).toBe('smtp');
    expect(typeof notifierFromEnvironment(store, { SMTP_URL: 'smtp://relay.camden.gov.uk:587', SMTP_FROM: 'stepwise@camden.gov.uk' }).send).toBe('function');
    expect(notifierKind({})).toBe('in-app');
    expect(notifierKind({ SMTP_URL: ' ', GOV_UK_NOTIFY_API_KEY: '' })).toBe('in-app');
  });

  it('Given half a configuration, Then the server refuses to start rather than keep e-mails in the app', () => {
    expect(() => notifierKind({ GOV_UK_NOTIFY_API_KEY: key })).toThrow('Set both GOV_UK_NOTIFY_API_KEY and GOV_UK_NOTIFY_TEMPLATE_ID');
    expect(() => notifierKind({ GOV_UK_NOTIFY_TEMPLATE_ID: template })).toThrow('Set both');
    expect(() => notifierKind({ SMTP_URL: 'smtp://relay:25' })).toThrow('Set SMTP_FROM');
    expect(() => notifierFromEnvironment(store, { GOV_UK_NOTIFY_API_KEY: 'not-a-key', GOV_UK_NOTIFY_TEMPLATE_ID: template })).toThrow('is not a GOV.UK Notify API key');
  });
});
