import { describe, expect, it } from 'vitest';
import { csvField, percent, toCsv } from './report-csv.ts';

describe('CSV fields (RFC 4180)', () => {
  it('quotes fields with a comma, a quote or a line break, doubling the quotes', () => {
    expect(csvField('IEYS Kentish Town East "KTE", duty manager')).toBe('"IEYS Kentish Town East ""KTE"", duty manager"');
    expect(csvField('line one\nline two')).toBe('"line one\nline two"');
    expect(csvField('Early Help front door')).toBe('Early Help front door');
    expect(csvField('Families’ service')).toBe('Families’ service');
  });

  it('writes numbers as they are, null as an empty field, and defuses text that a spreadsheet would run as a formula', () => {
    expect(csvField(83.3)).toBe('83.3');
    expect(csvField(null)).toBe('');
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-2+3')).toBe("'-2+3");
  });

  it('ends every row, the last included, with CRLF', () => {
    expect(toCsv(['team', 'open'], [['a, b', 2], ['c', null]])).toBe('team,open\r\n"a, b",2\r\nc,\r\n');
  });

  it('gives percentages to one decimal place, and none of nothing', () => {
    expect(percent(5, 6)).toBe(83.3);
    expect(percent(0, 0)).toBeNull();
  });
});
