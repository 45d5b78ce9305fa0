/**
 * Given a subscription's secret, When a delivery is signed the Standard Webhooks way, Then a
 * receiver accepts it, and refuses it if anything was changed, if it is old, or if it was signed
 * with another secret.
 */
import { describe, expect, it } from 'vitest';
import { newSigningSecret, signatureOf, signedHeaders, verifySignature } from './signing.ts';

const body = JSON.stringify({ specversion: '1.0', id: 'c1:2:case.closed', type: 'uk.gov.stepwise.case.closed', data: { closureReason: 'RC9' } });
const sentAt = new Date('2027-01-05T15:00:00Z');
const headersOf = (h: ReturnType<typeof signedHeaders>) => ({ id: h['webhook-id'], timestamp: h['webhook-timestamp'], signature: h['webhook-signature'] });

describe('Standard Webhooks signatures', () => {
  it('Given the specification’s own example, Then the signature is the one it gives', () => {
    // From the Standard Webhooks specification and its reference libraries' tests.
    expect(signatureOf('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}')).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('When a delivery is signed, Then it carries the id, the time in seconds and a v1 signature that verifies', () => {
    const secret = newSigningSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const headers = signedHeaders(secret, 'c1:2:case.closed', body, sentAt);
    expect(headers).toEqual({ 'webhook-id': 'c1:2:case.closed', 'webhook-timestamp': '1799161200', 'webhook-signature': expect.stringMatching(/^v1,[A-Za-z0-9+/]{43}=$/) });
    expect(verifySignature(secret, headersOf(headers), body, { now: new Date(sentAt.getTime() + 60_000) })).toEqual({ ok: true });
  });

  it('When the body, the id or the time is changed, or another secret signed it, Then it is refused', () => {
    const secret = newSigningSecret();
    const headers = headersOf(signedHeaders(secret, 'c1:2:case.closed', body, sentAt));
    const now = { now: sentAt };
    expect(verifySignature(secret, headers, body.replace('RC9', 'RC1'), now)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifySignature(secret, { ...headers, id: 'c1:3:case.closed' }, body, now)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifySignature(secret, { ...headers, timestamp: String(Number(headers.timestamp) + 1) }, body, now)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifySignature(newSigningSecret(), headers, body, now)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifySignature(secret, { ...headers, signature: headers.signature.replace('v1,', 'v2,') }, body, now)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('When a captured delivery is replayed more than five minutes later, or headers are missing, Then it is refused', () => {
    const secret = newSigningSecret();
    const headers = headersOf(signedHeaders(secret, 'c1:2:case.closed', body, sentAt));
    expect(verifySignature(secret, headers, body, { now: new Date(sentAt.getTime() + 301_000) })).toEqual({ ok: false, reason: 'stale_timestamp' });
    expect(verifySignature(secret, headers, body, { now: new Date(sentAt.getTime() - 301_000) })).toEqual({ ok: false, reason: 'stale_timestamp' });
    expect(verifySignature(secret, { ...headers, signature: null }, body, { now: sentAt })).toEqual({ ok: false, reason: 'missing_headers' });
    expect(verifySignature(secret, { ...headers, timestamp: 'yesterday' }, body, { now: sentAt })).toEqual({ ok: false, reason: 'missing_headers' });
  });

  it('When the secret is being rotated and the header carries two signatures, Then either one is enough', () => {
    const [older, newer] = [newSigningSecret(), newSigningSecret()];
    const a = signedHeaders(older, 'e1', body, sentAt)['webhook-signature'];
    const b = signedHeaders(newer, 'e1', body, sentAt)['webhook-signature'];
    const headers = { id: 'e1', timestamp: String(sentAt.getTime() / 1000), signature: `${a} ${b}` };
    expect(verifySignature(newer, headers, body, { now: sentAt })).toEqual({ ok: true });
    expect(verifySignature(older, headers, body, { now: sentAt })).toEqual({ ok: true });
  });

  it('When a secret is not a whsec_ secret, Then signing refuses it', () => {
    expect(() => signatureOf('hunter2', 'e1', 1, body)).toThrow(/whsec_/);
    expect(() => signatureOf('whsec_c2hvcnQ=', 'e1', 1, body)).toThrow(/24 bytes/);
  });
});
