/**
 * The one place the engine builds an Ajv instance. Definitions and the forms inside them are
 * both JSON Schema 2020-12, so both are checked by the same configuration.
 *
 * Two settings are about answers nobody should be able to exploit:
 * - `pattern`s (and `patternProperties` keys) run on RE2 (`re2js`), whose matching time grows
 *   linearly with the answer, instead of the built-in backtracking RegExp, on which one answer of
 *   40 characters to `^(a+)+$` holds the server for hours. Patterns are still written in
 *   JavaScript's syntax, as JSON Schema says; those RE2 cannot run (backreferences, lookaround)
 *   fail to compile with a reason, so `checkForm` refuses them when a definition is validated.
 *   Known differences from RegExp: RE2's `\s` is ASCII whitespace only, and its `.` also
 *   matches "\r", U+2028 and U+2029.
 * - only an answer's own properties count (`ownProperties`): a required question named
 *   `toString` or `constructor` is not answered by `Object.prototype`.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { RE2JS } from 're2js';

export type { ErrorObject, ValidateFunction } from 'ajv';

const NO_RE2 = 'form patterns cannot use backreferences or lookaround, so that every answer is checked in time proportional to its length';

/**
 * The first construct of `pattern` RE2 has no equivalent for, outside character classes. Checked
 * here rather than left to RE2: `RE2JS.translateRegExp` turns `\k<name>` into plain text.
 */
function backtrackingOnly(pattern: string): string | undefined {
  let inClass = false;
  for (let i = 0; i < pattern.length; i += 1) {
    const ch = pattern[i];
    if (ch === '\\') {
      const next = pattern[i + 1] ?? '';
      if (!inClass && /[1-9k]/.test(next)) return `a backreference ("\\${next}")`;
      i += 1;
    } else if (inClass) {
      inClass = ch !== ']';
    } else if (ch === '[') {
      inClass = true;
    } else if (ch === '(' && pattern[i + 1] === '?') {
      const look = /^\(\?(=|!|<=|<!)/.exec(pattern.slice(i))?.[0];
      if (look) return `a lookaround ("${look}")`;
    }
  }
  return undefined;
}

/** `pattern` compiled for RE2, or why a form cannot use it (the end of a sentence, naming it). */
function compileLinear(pattern: string): RE2JS | string {
  // Quoted as the admin typed it, not JSON-escaped.
  const named = `the pattern "${pattern}"`;
  try {
    // JSON Schema patterns are ECMA-262 regular expressions; the designer's browser runs them as such.
    new RegExp(pattern, 'u');
  } catch (e) {
    const why = (e as Error).message.replace(/^Invalid regular expression: \/.*\/u?: /s, '');
    return `${named} is not a valid regular expression (${why})`;
  }
  const unsupported = backtrackingOnly(pattern);
  if (unsupported) return `${named} uses ${unsupported}; ${NO_RE2}`;
  try {
    return RE2JS.compile(RE2JS.translateRegExp(pattern));
  } catch (e) {
    return `${named} cannot be used: ${(e as Error).message.replace(/^error parsing regexp: /, '')}; ${NO_RE2}`;
  }
}

/** Why a form cannot use `pattern`, or undefined when it can. */
export function patternRefusal(pattern: string): string | undefined {
  const compiled = compileLinear(pattern);
  return typeof compiled === 'string' ? compiled : undefined;
}

/** Ajv's `code.regExp` interface: called once per pattern when a schema is compiled. */
function linearRegExp(pattern: string): { test: (text: string) => boolean; toString: () => string } {
  const compiled = compileLinear(pattern);
  if (typeof compiled === 'string') throw new Error(compiled);
  // Ajv keys its compiled patterns by toString(), so it must differ for each pattern.
  return { test: (text) => compiled.test(text), toString: () => `re2:${pattern}` };
}
// Only used by Ajv's standalone code generation, which Stepwise does not use.
linearRegExp.code = 'linearRegExp';

export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    // Forms say "required when revealed" with if/then; that is not strict-mode trouble.
    strictRequired: false,
    discriminator: true,
    allowUnionTypes: true,
    ownProperties: true,
    code: { regExp: linearRegExp },
    // Ajv logs warnings through console by default; the engine stays silent.
    logger: false,
  });
  addFormats.default(ajv, ['date', 'date-time', 'email', 'time']);
  return ajv;
}
