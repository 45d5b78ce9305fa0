import { describe, expect, it } from 'vitest';
import { caseSearchKey, normaliseSearchText, searchDate, searchTerm } from './search-key.ts';

describe('search keys', () => {
  it('folds invisible, full-width, accented, curly and cased variants to one form', () => {
    expect(normaliseSearchText('O\u200bka\u00ad\ufefffor')).toBe('okafor');
    expect(normaliseSearchText('Ｏｋａｆｏｒ')).toBe('okafor');
    expect(normaliseSearchText('  Ó \t Súilleabháin\u2060 ')).toBe('o suilleabhain');
    expect(normaliseSearchText('O’Brien–Smith')).toBe("o'brien-smith");
    expect(normaliseSearchText('STRASSE')).toBe(normaliseSearchText('Straße'));
  });

  it('reads a date of birth typed the British way or as ISO, and only real dates', () => {
    expect(searchDate('7/12/2018')).toBe('2018-12-07');
    expect(searchDate('07.12.2018')).toBe('2018-12-07');
    expect(searchDate('2018-12-7')).toBe('2018-12-07');
    expect(searchDate('31/2/2019')).toBeNull();
    expect(searchTerm(' 7/12/2018 ')).toBe('2018-12-07');
    expect(searchTerm('Zoë')).toBe('zoe');
  });

  it('keys a case by id, family, and each child’s name, case-system id and date of birth, one field a line', () => {
    expect(caseSearchKey('3F2A', { familyName: 'Okafor', children: [{ name: 'Ada', personId: 'M1', dateOfBirth: '2018-12-07' }, { name: 'Bo' }] }))
      .toBe('3f2a\nokafor\nada\nm1\n2018-12-07\nbo');
  });
});
