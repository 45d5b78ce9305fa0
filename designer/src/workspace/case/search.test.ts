import { describe, expect, it } from 'vitest';
import { readSearch, searchErrors, searchHref } from './search.ts';

describe('Given a case search in the address', () => {
  it('When it is read, Then only known, non-blank parameters count', () => {
    expect(readSearch(new URLSearchParams('q=okafor&status=&stage=asm_screen&page=2'))).toEqual({ q: 'okafor', stage: 'asm_screen' });
  });

  it('When it is written back, Then blanks are left out and the order is fixed', () => {
    expect(searchHref({ overdue: 'true', q: 'O’Brien & sons' })).toBe('/cases?q=O%E2%80%99Brien+%26+sons&overdue=true');
    expect(searchHref({})).toBe('/cases');
  });

  it('When the server refuses a parameter, Then its message is placed by name', () => {
    expect(searchErrors([{ pointer: '/query/team', keyword: 'enum', message: 'Select one of your authority’s teams' }, { pointer: '/query/limit', keyword: 'pattern', message: 'x' }])).toEqual({
      team: 'Select one of your authority’s teams',
    });
  });
});
