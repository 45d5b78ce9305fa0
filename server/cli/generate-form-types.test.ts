import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { definitionNames, formTypesFile, generateFormTypes } from './generate-form-types.ts';

const names = await definitionNames();

describe('generated form types', () => {
  it('exist for every definition', () => {
    expect(names.length).toBeGreaterThanOrEqual(0);
  });
  for (const name of names) {
    it(`definitions/${name}.forms.ts matches its definition (run \`npm run gen:form-types\`)`, async () => {
      const onDisk = await readFile(formTypesFile(name), 'utf8').catch(() => 'missing');
      expect(onDisk).toBe(await generateFormTypes(name));
    });
  }
});
