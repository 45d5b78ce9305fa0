/**
 * Reading the JSON files the CLI is given, with errors a person can act on: which file, and for
 * malformed JSON where in it (line and column), instead of a stack trace.
 */
import { readFile } from 'node:fs/promises';

/** A usage or file error: printed as it is, exit status 2. */
export class CliError extends Error {
  override readonly name = 'CliError';
}

const SYSTEM_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

export async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new CliError(`${file}: cannot be read: ${SYSTEM_ERRORS[code] ?? (error as Error).message}.`);
  }
  // A byte-order mark is not JSON, but editors on Windows write one.
  const json = text.startsWith('\ufeff') ? text.slice(1) : text;
  try {
    return JSON.parse(json);
  } catch (error) {
    throw new CliError(`${file}: ${whereInvalid(json, (error as Error).message)}`);
  }
}

/** Where JSON.parse gave up, as a line and column, and what it said. */
export function whereInvalid(text: string, message: string): string {
  const position = firstErrorAt(text);
  if (position < 0) return `not valid JSON: ${message}`;
  // V8 quotes the text around the error, or all of it; the line and column say where instead.
  const reason = message
    .replace(/,? "[\s\S]*" is not valid JSON$/, '')
    .replace(/ (in JSON )?at position \d+[\s\S]*$/, '')
    .replace(/'(\s)'/, (_, c: string) => JSON.stringify(c));
  const before = text.slice(0, position).split('\n');
  const where = `line ${before.length}, column ${before.at(-1)!.length + 1}`;
  if (position >= text.trimEnd().length) return `the JSON ends early, at ${where}: the file looks cut off (truncated).`;
  return `not valid JSON at ${where}: ${reason}.`;
}

/**
 * The index of the first character that is not JSON (RFC 8259), the length of the text when it
 * ends before the value does, or -1 when it nests too deep to tell. Only called on text JSON.parse
 * refused, for the position: V8 gives one for some errors and not for others.
 */
export function firstErrorAt(text: string): number {
  let i = 0;
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const expect = (c: string) => (text[i] === c ? i++ : fail());
  const literal = (word: string) => {
    for (const c of word) expect(c);
  };
  const string = () => {
    expect('"');
    while (text[i] !== '"') {
      if (i >= text.length || text.charCodeAt(i) < 0x20) fail();
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          i++;
          for (let k = 0; k < 4; k++) if (!/[0-9a-fA-F]/.test(text[i] ?? '')) fail(); else i++;
        } else if ('"\\/bfnrt'.includes(text[i] ?? 'x')) i++;
        else fail();
      } else i++;
    }
    i++;
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) fail();
    i += m![0].length;
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{') {
      i++;
      space();
      if (text[i] === '}') return void i++;
      for (;;) {
        space();
        string();
        space();
        expect(':');
        value();
        space();
        if (text[i] === ',') i++;
        else return void expect('}');
      }
    }
    if (c === '[') {
      i++;
      space();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        space();
        if (text[i] === ',') i++;
        else return void expect(']');
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    return number();
  };
  try {
    value();
    space();
    return i < text.length ? i : text.length;
  } catch (at) {
    // Nested deeper than the stack: where it goes wrong is not known.
    return typeof at === 'number' ? Math.min(at, text.length) : -1;
  }
}
