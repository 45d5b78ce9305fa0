import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { apiTypesFile, generateApiTypes } from './generate-api-types.ts';

describe('generated API response types', () => {
  it('match the response schemas (run `npm run gen:api-types` after changing server/routes/response-schemas.ts)', async () => {
    const onDisk = await readFile(apiTypesFile, 'utf8');
    expect(onDisk).toBe(await generateApiTypes());
  });
});
