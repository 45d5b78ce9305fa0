/**
 * Reports as CSV for spreadsheets: RFC 4180 (a header row, CRLF line ends, fields with a comma,
 * quote or line break quoted and quotes doubled). Two additions, both for Excel, which is what
 * managers open these in: a UTF-8 byte order mark so "Families’" does not turn into mojibake,
 * and text cells that start with = + - @ (or a tab or carriage return) get a leading apostrophe,
 * so a team name can never run as a formula (OWASP "CSV injection"). Numbers are written as is.
 */
import type { Context } from 'hono';

export type Cell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: Cell[][]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** `?format=csv` answers with a download named after the report, the authority and the day. */
export function csvResponse(c: Context, filename: string, header: string[], rows: Cell[][]): Response {
  const safe = filename.replace(/[^A-Za-z0-9._-]/g, '-');
  return c.body('\uFEFF' + toCsv(header, rows), 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${safe}"`,
  });
}

export const percent = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);
