/**
 * Pattern lint: every `pattern` in a form schema, and every `patternProperties` key, is checked
 * by `redos-detector` for catastrophic backtracking. Answers are matched by RE2 on the server
 * (`engine/schema/ajv.ts`), which cannot backtrack, but the same schemas run on the built-in
 * RegExp in browsers and in whatever else reads a published form; there one answer of ~40
 * characters to `^(a+)+$` takes hours. Patterns RE2 cannot compile are `checkForm`'s business
 * (`invalid_form_schema`, with the reason) and are skipped here.
 */
import { isSafePattern, type RedosDetectorResult } from 'redos-detector';
import type { Problem } from '../problems.ts';
import { patternRefusal } from '../schema/ajv.ts';
import type { WorkflowDefinition } from '../schema/definition.types.ts';

/** Keywords whose value is a subschema, an array of them, or a map of them. */
const ONE = ['items', 'not', 'if', 'then', 'else', 'contains', 'additionalProperties', 'unevaluatedProperties', 'unevaluatedItems', 'propertyNames', 'additionalItems', 'contentSchema'];
const MANY = ['allOf', 'anyOf', 'oneOf', 'prefixItems', 'items'];
const MAP = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas', 'dependencies'];

/**
 * The detector's step budget per pattern. Its default (20,000) lets one crafted pattern hold
 * validation for half a minute; at 1,000 the worst seen takes about a second, and everyday
 * patterns (postcodes, phone numbers, RFC 5322-style e-mail) finish far below it. No time limit:
 * a verdict depends on steps alone, so it is the same on every machine.
 */
const MAX_STEPS = 1000;

const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function patternProblems(definition: WorkflowDefinition): Problem[] {
  return Object.entries(definition.forms).flatMap(([id, form]) => (form ? schemaPatternProblems(form.schema, `/forms/${escape(id)}/schema`) : []));
}

/** Every pattern problem in `schema`, in document order. Iterative: a deep schema cannot overflow it. */
function schemaPatternProblems(schema: unknown, path: string): Problem[] {
  const problems: Problem[] = [];
  const stack: Array<[unknown, string]> = [[schema, path]];
  while (stack.length > 0) {
    const [node, at] = stack.pop()!;
    if (!isObject(node)) continue;
    if (typeof node.pattern === 'string') check(node.pattern, `${at}/pattern`, problems);
    if (isObject(node.patternProperties)) {
      for (const key of Object.keys(node.patternProperties)) check(key, `${at}/patternProperties/${escape(key)}`, problems);
    }
    const children: Array<[unknown, string]> = [];
    for (const [keyword, value] of Object.entries(node)) {
      if (ONE.includes(keyword) && isObject(value)) children.push([value, `${at}/${keyword}`]);
      else if (MANY.includes(keyword) && Array.isArray(value)) value.forEach((v, i) => children.push([v, `${at}/${keyword}/${i}`]));
      else if (MAP.includes(keyword) && isObject(value)) for (const [k, v] of Object.entries(value)) children.push([v, `${at}/${keyword}/${escape(k)}`]);
    }
    // Pushed last first, so they pop in document order (a loop: spreading a huge list overflows).
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i]!);
  }
  return problems;
}

function check(pattern: string, path: string, out: Problem[]): void {
  if (patternRefusal(pattern) !== undefined) return;
  const verdict = verdictOf(pattern);
  if (verdict) out.push({ ...verdict, path });
}

/** Detector verdicts by pattern: the designer re-validates the whole definition on every edit. */
const verdicts = new Map<string, Omit<Problem, 'path'> | null>();

function verdictOf(pattern: string): Omit<Problem, 'path'> | null {
  if (!verdicts.has(pattern)) {
    if (verdicts.size >= 1000) verdicts.clear();
    verdicts.set(pattern, judge(pattern));
  }
  return verdicts.get(pattern)!;
}

function judge(pattern: string): Omit<Problem, 'path'> | null {
  let result: RedosDetectorResult;
  const { analysed, original } = forAnalysis(pattern);
  try {
    result = isSafePattern(analysed, { unicode: true, maxSteps: MAX_STEPS });
  } catch (e) {
    return tooComplex(pattern, `the checker could not read it: ${(e as Error).message.split('\n')[0]}`);
  }
  if (result.safe) return null;
  // Trails are inputs the pattern can match in more than one way: evidence it backtracks.
  if (result.trails.length === 0) return tooComplex(pattern, 'it has too many ways through it');
  return {
    code: 'form_pattern_slow',
    message:
      `The pattern "${pattern}" can take exponential time on some answers (at the least, time growing faster than their length) ` +
      `because it can match the same text in many ways, so one answer could hold up the service for everyone; simplify it, for example ${hint(result, original)}.`,
  };
}

function tooComplex(pattern: string, why: string): Omit<Problem, 'path'> {
  return {
    code: 'form_pattern_too_complex',
    message: `The pattern "${pattern}" is too complex to check that every answer is matched quickly (${why}); simplify it, for example with fewer repeated groups and alternatives.`,
  };
}

/** How to take the ambiguity out, naming the parts of the detector's first trail. */
function hint(result: RedosDetectorResult, original: (source: string) => string): string {
  const steps = result.trails[0]!.trail.map(({ a, b }) => ({
    a: original(a.node.source),
    b: original(b.node.source),
    apart: a.node.start.offset !== b.node.start.offset,
  }));
  const overlap = steps.find((s) => s.apart && s.a !== s.b);
  if (overlap) return `so that "${overlap.a}" and "${overlap.b}" cannot match the same characters`;
  const twin = steps.find((s) => s.apart)?.a;
  if (twin !== undefined) return `so that two repeats of "${twin}" side by side cannot share out the same characters ("${twin}+" matches what "${twin}+${twin}+" does)`;
  const part = steps[0]!.a;
  return `by not repeating "${part}" inside a group that itself repeats ("${part}+" matches what "(${part}+)+" does)`;
}

/**
 * The pattern as the detector can read it, meaning the same for backtracking. Group names go
 * (it cannot parse them, and backreferences are refused before this). The detector takes a
 * Unicode property escape such as `\p{L}` to match anything, so `^\p{L}+ \p{L}+$` would look
 * ambiguous at the space; each becomes a class exact on ASCII and still matching everything else.
 */
function forAnalysis(pattern: string): { analysed: string; original: (source: string) => string } {
  const stood = new Map<string, string>();
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i += 1) {
    const ch = pattern[i]!;
    const property = ch === '\\' ? /^\\([pP])\{([^}]*)\}/.exec(pattern.slice(i)) : null;
    if (property) {
      const members = `${asciiMembers(property[0])}\\u0080-\\u{10FFFF}`;
      out += inClass ? members : `[${members}]`;
      stood.set(inClass ? members : `[${members}]`, property[0]);
      i += property[0].length - 1;
    } else if (ch === '\\') {
      out += pattern.slice(i, i + 2);
      i += 1;
    } else if (inClass) {
      inClass = ch !== ']';
      out += ch;
    } else {
      inClass = ch === '[';
      const named = ch === '(' ? /^\(\?<(?![=!])[^>]+>/.exec(pattern.slice(i)) : null;
      out += named ? '(' : ch;
      if (named) i += named[0].length - 1;
    }
  }
  // The detector's trails quote the pattern it read: quote the admin's escapes back.
  const original = (source: string) => [...stood].reduce((text, [stand, escape]) => text.split(stand).join(escape), source);
  return { analysed: out, original };
}

/** The ASCII characters `property` (`\p{…}` or `\P{…}`) matches, as class ranges of `\xHH`. */
function asciiMembers(property: string): string {
  const test = new RegExp(`^${property}$`, 'u');
  const hex = (c: number) => `\\x${c.toString(16).padStart(2, '0')}`;
  let out = '';
  for (let c = 0; c < 128; c += 1) {
    if (!test.test(String.fromCharCode(c))) continue;
    let end = c;
    while (end + 1 < 128 && test.test(String.fromCharCode(end + 1))) end += 1;
    out += end === c ? hex(c) : `${hex(c)}-${hex(end)}`;
    c = end;
  }
  return out;
}
