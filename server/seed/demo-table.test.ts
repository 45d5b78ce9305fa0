import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoSignInTable, TABLE_END, TABLE_START, withTable } from './demo-table.ts';
import { demoPeople, loadDefinitions, teamsWorkedBy } from './demo.ts';

const definitions = await loadDefinitions(new URL('../../definitions/', import.meta.url).pathname);

describe('demo people and the README’s demo sign-in table', () => {
  it('Given the four definitions, Then every demo person whose role does a team’s tasks sits in that team (Clinic’s family worker in the family worker team)', () => {
    const clinic = definitions.find((d) => d.id === 'clinic')!;
    expect([...teamsWorkedBy(clinic, 'eh_family_worker')]).toEqual(['eh_family_worker_team']);
    const people = demoPeople(definitions);
    expect(people.find((p) => p.email === 'eh_family_worker@clinic.example')?.teams).toEqual(['eh_family_worker_team']);
    // A team's own roles still count.
    expect(people.find((p) => p.email === 'mash_manager@clinic.example')?.teams).toEqual(['mash']);
  });

  it('Then the README’s table is the one generated from the definitions (run `npx tsx server/seed/demo-table.ts` when this fails)', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const table = demoSignInTable(definitions);
    expect(readme).toContain(`${TABLE_START}\n${table}\n${TABLE_END}`);
    for (const person of demoPeople(definitions)) expect(table).toContain(`\`${person.email}\``);
  });

  it('When the markers are missing, Then nothing is rewritten', () => {
    expect(withTable('# no table here', 'x')).toBeUndefined();
    expect(withTable(`a\n${TABLE_START}\nold\n${TABLE_END}\nb`, 'new')).toBe(`a\n${TABLE_START}\nnew\n${TABLE_END}\nb`);
  });
});
