import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { definitionTypesFile, generateDefinitionTypes } from './generate-types.ts';

describe('generated definition types', () => {
  it('match the definition JSON Schema (run `npm run gen:types` after changing the schema)', async () => {
    const onDisk = await readFile(definitionTypesFile, 'utf8');
    expect(onDisk).toBe(await generateDefinitionTypes());
  });
});
