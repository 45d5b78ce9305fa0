/** The demo's audit key file, made on first start beside a database that does not exist yet. */
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditKeyFile } from './audit-key.ts';

describe('the audit key file', () => {
  it('Given a fresh machine with no data folder, When the key is first needed, Then the folder and a private key file are made, and read back the same', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'stepwise-key-')), 'data', 'stepwise.db.audit-key');
    const first = auditKeyFile(path);
    expect(first.created).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const again = auditKeyFile(path);
    expect(again.created).toBe(false);
    expect(again.key).toEqual(first.key);
  });

  it('Given a tool that checks a store, When there is no key file, Then it refuses instead of inventing one', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'stepwise-key-')), 'missing', 'stepwise.db.audit-key');
    expect(() => auditKeyFile(path, { create: false })).toThrow(/no audit key file/);
  });
});
