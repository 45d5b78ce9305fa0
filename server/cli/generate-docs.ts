/**
 * Generates the reference for both file formats from their JSON Schemas, so the documentation
 * cannot drift from what is checked:
 * - engine/scenario/scenario.schema.json: the scenario schema the CLI and the simulate endpoint
 *   check (server/routes/definition-scenario-schema.ts), with a description on every field, for
 *   editors (a scenario's `$schema` points at it);
 * - docs/definition-format.md from engine/schema/definition.schema.json, and
 *   docs/scenario-format.md from the scenario schema: every construct with its description, its
 *   fields and an example taken from the shipped definitions and scenario fixture (each example is
 *   one the schema accepts).
 * `npm run gen:docs` writes them; generate-docs.test.ts fails when one is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { scenarioSchema } from '../routes/definition-scenario-schema.ts';

type Schema = Record<string, unknown> & { properties?: Record<string, Schema>; items?: Schema; $ref?: string; oneOf?: Schema[]; anyOf?: Schema[]; allOf?: Schema[] };

const path = (relative: string) => fileURLToPath(new URL(`../../${relative}`, import.meta.url));
export const GENERATED = {
  scenarioSchema: 'engine/scenario/scenario.schema.json',
  definitionDoc: 'docs/definition-format.md',
  scenarioDoc: 'docs/scenario-format.md',
} as const;

const readJsonFile = (relative: string) => JSON.parse(readFileSync(path(relative), 'utf8')) as unknown;

/** What each scenario field means, by its place in a scenario (`[]` an item, `*` any key). */
const SCENARIO_DESCRIPTIONS: Record<string, string> = {
  '': 'One case told as dated events, run against a definition with a simulated clock by `npx stepwise simulate <definition.json> <scenario.json>` and by the designer\'s what-if runs. Each expectation that fails is reported; the run carries on.',
  $schema: 'Where editors find this schema, so they complete and check the file (`../../engine/scenario/scenario.schema.json` from `test/<id>/`). Not read by the engine.',
  name: 'What the scenario shows, in a sentence ("Stepped down over Christmas").',
  description: 'More about the scenario, for the people who read it.',
  definition: 'The id of the definition the scenario is written for (informational: the definition run is the one given to `simulate`).',
  caseId: 'The id the case gets (default: one is made up). Task ids are `<caseId>.t1`, `<caseId>.t2`, …',
  users: 'Everyone who acts, by id (the ids used in `by`, `passTo.worker` and `to.worker`). They are also the directory: work passed to anyone not listed is refused (`unknown_worker`).',
  'users.*': 'One person.',
  'users.*.name': 'Their name, as the timeline shows it.',
  'users.*.roles': 'The role ids they hold (from the definition\'s `roles`).',
  'users.*.teams': 'The team ids they sit in (from the definition\'s `teams`): they may pick up that team\'s work.',
  steps: 'The events, in date order. An event dated before the case\'s last change is refused (`event_out_of_order`).',
  'steps[]': 'One thing that happens: exactly one of `start`, `complete`, `reassign`, `withdraw`, `subflowEnded` (each with `at`), or `until` (without `at`). Before each, the clock runs to its moment, firing every timer and escalation due by then.',
  'steps[].at': 'When it happens: a date and time with a zone, `2026-12-22T09:00:00Z`. Deadlines are counted in London time.',
  'steps[].expectRefusal': 'The code the engine must refuse this step with (`not_allowed`, `guard_failed`, `unknown_worker`, `pass_to_required`, …). The refused step changes nothing; a refusal not expected, or an expected one that does not come, is a failure.',
  'steps[].start': 'Starts the case at one of the definition\'s `start` nodes.',
  'steps[].start.entry': 'The id of the start node (the way in).',
  'steps[].start.subject': 'The family: `familyName` and the `children` (each `name`, optional `dateOfBirth` `YYYY-MM-DD` and `personId`, the case system\'s id).',
  'steps[].start.data': 'The intake form\'s answers, by field id, as the start node\'s form defines them.',
  'steps[].start.by': 'The id (from `users`) of the person who starts it; they must hold one of the start node\'s `roles`.',
  'steps[].complete': 'Completes an open task: its form\'s answers and the next actions chosen.',
  'steps[].complete.task': 'The node id of the open task (`triage`).',
  'steps[].complete.by': 'Who completes it (from `users`): someone the task is with (its role, team or worker) who holds its `roles`.',
  'steps[].complete.data': 'The form\'s answers, by field id. Checked against the task\'s form: each field error is refused with its pointer and message.',
  'steps[].complete.actions': 'The next actions chosen: usually one; several on a task with `multipleActions`. Empty when an answer chooses them (`chosenBy`).',
  'steps[].complete.actions[]': 'One next action chosen.',
  'steps[].complete.actions[].action': 'The id of one of the task\'s `nextActions`.',
  'steps[].complete.actions[].passTo': 'Who the work it leads to is passed to: `{"worker": "<user id>"}` or `{"team": "<team id>"}`, where the action has `passTo`.',
  'steps[].complete.actions[].priority': 'The priority of the task the action creates: `urgent`, `normal` or `low` (default: the action\'s `defaultPriority`, else the task\'s `priority`).',
  'steps[].complete.actions[].scheduledFor': 'A date `YYYY-MM-DD`, for an action with `scheduledDate`.',
  'steps[].complete.actions[].note': 'A note kept with the choice.',
  'steps[].reassign': 'Moves an open task to another worker or team (built in: no node needed). The new holder must be able to do the step (its `roles`).',
  'steps[].reassign.task': 'The node id of the open task.',
  'steps[].reassign.by': 'Who moves it (from `users`).',
  'steps[].reassign.to': '`{"worker": "<user id>"}` or `{"team": "<team id>"}`.',
  'steps[].reassign.reason': 'Why, as the timeline shows it.',
  'steps[].withdraw': 'Withdraws the whole case (built in): every open task and timer is cancelled.',
  'steps[].withdraw.by': 'Who withdraws it (from `users`).',
  'steps[].withdraw.reason': 'Why, as the timeline shows it.',
  'steps[].subflowEnded': 'Tells the case that a sub-case it waits for (a `subflow` node with `wait: true`) has ended.',
  'steps[].subflowEnded.child': 'The sub-case\'s id.',
  'steps[].subflowEnded.outcome': 'The outcome the sub-case ended with (an id from its definition\'s `outcomes`).',
  'steps[].until': 'No `at`: lets the clock run to this moment, firing every timer and escalation due by then (`2026-12-31T12:00:00Z`).',
};

/**
 * What the definition schema's constructs without a description of their own are, for the
 * reference (the schema's own descriptions are used wherever it has them).
 */
const DEFINITION_NOTES: Record<string, string> = {
  CalendarConfig: 'Which days count as working days: Monday to Friday, except the bank holidays of `region` and the authority\'s own `closureDays`. Times are London time.',
  LocalDate: 'A calendar day, written `YYYY-MM-DD` (`2026-12-25`).',
  LocalTime: 'A time of day on the 24-hour clock, written `HH:MM` (`09:30`, `17:00`).',
  Role: 'A role people hold (Social Worker, Early Help Team Manager). `manager` names the role above it, for the escalation ladder. Demo people are made one per role.',
  Team: 'A team, tray, duty rota or panel whose members pick up its work. `kind` is `team`, `tray` (a queue with no fixed members), `duty` or `panel`; `roles` say whose holders may pick up the team\'s work; `members` (optional) name people.',
  Mailbox: 'A shared inbox notifications can be sent to (`{"mailbox": "<id>"}` as a recipient).',
  Outcome: 'A way a case or path can end (stepped down, stepped up, no longer required); each `end` node names one.',
  Note: 'An admin note: where the protocol is silent or ambiguous, what was chosen and why. Shown to admins in the designer.',
  Form: 'A form people fill in at a start or task: a JSON Schema (2020-12; `type: object`, `additionalProperties: false`, a `title` on every property), an optional layout in sections, GOV.UK-style error messages by JSON pointer and keyword, and case-aware `checks`.',
  FormLayout: 'How a form is laid out: its sections in order.',
  FormSection: 'One section of a form, with its heading and its fields in order.',
  FieldLayout: 'How one field is shown: its label and hint (default: the schema\'s `title` and `description`), widget, the answer that reveals it (`revealedBy`), and for a repeat, its item label and item fields.',
  Duration: 'An amount of time: `{amount, unit}` with `unit` `working_days`, `days`, `weeks` or `months`. Working days skip weekends, bank holidays and closure days.',
  WeeklySlot: 'A weekly meeting slot (a panel, a clinic): the weekdays it meets on, `start` and optional `end` as `HH:MM`, and whether only working days count.',
  Priority: 'How urgent a task is: `urgent`, `normal` or `low`. Inboxes sort by it.',
  Guard: 'A condition (JSONLogic) that must hold for the task (or next action) to be completed; otherwise the `message` is shown and nothing changes (`guard_failed`).',
  NextAction: 'A choice at the end of a task ("Send to the Early Help Panel"): where it leads (`to`), the exact wording practitioners see (`label`), who the work may be passed to (`passTo`), its guards, a scheduled date, its default priority, and the form answer that chooses it (`chosenBy`).',
  PrefillMapping: 'Copies an earlier answer into this task\'s form when the task is created.',
  NodeBase: 'The fields every step has: `id`, `kind`, `name`, and optionally `description`, `source` (the protocol section), `stage` (for reports) and `position` (on the designer\'s map).',
  Node: 'One step of the protocol, by its `kind`: `start`, `user_task`, `decision`, `timer`, `parallel`, `join`, `notification`, `subflow` or `end`.',
  WhenChoice: 'A timescale chosen by conditions: the first `choose` entry whose `when` rule holds gives the moment, else `otherwise` ("within 1 working day if urgent, else 3").',
  Signer: 'One of the people who sign a task jointly: the roles they may hold, and a label for them.',
};

/** Examples for constructs the shipped files do not use; each is checked against the schema like the others. */
const DEFINITION_EXAMPLES = {
  timescales: [{ choose: [{ when: { '==': [{ var: 'form.screen.urgent' }, true] }, then: { after: { amount: 1, unit: 'working_days' } } }], otherwise: { after: { amount: 3, unit: 'working_days' } }, label: 'within 1 working day if urgent, otherwise 3' }],
};

/** Steps the scenario fixture does not use, as examples (each checked against the schema like the others). */
const SCENARIO_EXAMPLES = {
  steps: [
    { at: '2026-11-09T14:00:00Z', reassign: { task: 'screen', by: 'dana', to: { team: 'locality_north' }, reason: 'Sickness' } },
    { at: '2026-11-10T09:00:00Z', withdraw: { by: 'sam', reason: 'Family moved away' } },
    { at: '2026-12-01T09:00:00Z', subflowEnded: { child: 'case-1.sub1', outcome: 'stepped_up' } },
  ],
};

/** The scenario schema as a standalone JSON Schema file, with a description on every field. */
export function scenarioJsonSchema(): Schema {
  const describe = (schema: Schema, at: string): Schema => {
    const out: Schema = { ...schema };
    const description = SCENARIO_DESCRIPTIONS[at];
    if (description) out['description'] = description;
    if (schema.properties) {
      out.properties = Object.fromEntries(Object.entries(schema.properties).map(([key, value]) => [key, describe(value, at ? `${at}.${key}` : key)]));
    }
    if (schema.items) out.items = describe(schema.items, `${at}[]`);
    const extra = schema['additionalProperties'];
    if (extra && typeof extra === 'object') out['additionalProperties'] = describe(extra as Schema, `${at}.*`);
    return out;
  };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://stepwise.local/schema/scenario.schema.json',
    ...describe(structuredClone(scenarioSchema) as unknown as Schema, ''),
  };
}

// ----- Rendering -----

const anchor = (name: string) => name.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A schema's type in words: `[Duration](#duration)`, `array of Id`, `"urgent", "normal" or "low"`. */
function typeOf(schema: Schema | boolean | undefined): string {
  if (schema === true || schema === undefined) return 'anything';
  if (schema === false) return 'not allowed here';
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop()!;
    return `[${name}](#${anchor(name)})`;
  }
  if ('const' in schema) return `\`${JSON.stringify(schema['const'])}\``;
  if (Array.isArray(schema['enum'])) return (schema['enum'] as unknown[]).map((v) => `\`${JSON.stringify(v)}\``).join(', ');
  const union = schema.oneOf ?? schema.anyOf;
  if (union && !schema['type']) return union.map((s) => (s.$ref || s['const'] !== undefined ? typeOf(s) : 'an object (below)')).join(' or ');
  const type = schema['type'];
  if (type === 'array') return `list of ${typeOf(schema.items)}`;
  if (type === 'string') {
    const format = schema['format'];
    if (format === 'date') return 'date `YYYY-MM-DD`';
    if (format === 'date-time') return 'date and time with a zone';
    if (typeof schema['pattern'] === 'string') return `text (pattern \`${schema['pattern']}\`)`;
    return 'text';
  }
  if (type === 'object' && schema['additionalProperties'] && typeof schema['additionalProperties'] === 'object') return `object: any key → ${typeOf(schema['additionalProperties'] as Schema)}`;
  if (type === 'boolean') return 'true or false';
  if (type === 'integer') return 'whole number';
  return Array.isArray(type) ? type.join(' or ') : String(type ?? 'object');
}

/** The rows of a property table: each field, its type, whether it is required, and what it means. */
function propertyTable(schema: Schema, own: Schema = schema): string[] {
  const properties = { ...Object.fromEntries((own.allOf ?? []).flatMap((s) => Object.entries(s.properties ?? {}))), ...(schema.properties ?? {}) };
  const required = new Set([...((schema['required'] as string[] | undefined) ?? [])]);
  if (Object.keys(properties).length === 0) return [];
  const rows = Object.entries(properties).filter(([, value]) => (value as unknown) !== false).map(([key, value]) => {
    const limits = [value['minItems'] !== undefined ? `at least ${String(value['minItems'])}` : '', value['maxLength'] !== undefined ? `up to ${String(value['maxLength'])} characters` : '', value['minimum'] !== undefined ? `from ${String(value['minimum'])}` : '', value['maximum'] !== undefined ? `to ${String(value['maximum'])}` : ''].filter(Boolean).join(', ');
    const description = [typeof value['description'] === 'string' ? value['description'] : '', limits ? `(${limits})` : ''].filter(Boolean).join(' ');
    return `| \`${key}\` | ${cell(typeOf(value))} | ${required.has(key) ? 'yes' : ''} | ${cell(description)} |`;
  });
  return ['| Field | Type | Required | Meaning |', '| --- | --- | --- | --- |', ...rows];
}

/** Sections for the inline objects of a `oneOf`/`anyOf` ("one of these shapes"). */
function variants(schema: Schema): string[] {
  const union = schema.oneOf ?? schema.anyOf;
  if (!union || union.every((s) => s.$ref)) return [];
  return union.flatMap((variant, i) => {
    if (variant.$ref || variant['const'] !== undefined) return [`- ${typeOf(variant)}`];
    const keys = (variant['required'] as string[] | undefined) ?? Object.keys(variant.properties ?? {});
    const table = propertyTable(variant);
    return [`- Shape ${i + 1}${keys.length ? `: \`{${keys.join(', ')}}\`` : ''}${typeof variant['description'] === 'string' ? ` — ${variant['description']}` : ''}`, ...(table.length ? ['', ...table.map((r) => `  ${r}`), ''] : [])];
  });
}

function example(value: unknown): string[] {
  if (value === undefined) return ['*No example in the shipped files.*'];
  const text = JSON.stringify(value, null, 2);
  return ['Example:', '', '```json', text.length > 1500 ? JSON.stringify(value) : text, '```'];
}

/** Every value inside `root` (objects, lists, strings, numbers), outermost first. */
function* values(root: unknown): Generator<unknown> {
  yield root;
  if (Array.isArray(root)) for (const item of root) yield* values(item);
  else if (root && typeof root === 'object') for (const item of Object.values(root)) yield* values(item);
}

/** The smallest value in `sources` (searched in order) that `accepts`; prefers objects and lists to bare values. */
function exampleFor(accepts: (value: unknown) => boolean, sources: unknown[]): unknown {
  for (const source of sources) {
    let best: unknown;
    let bestSize = Infinity;
    for (const value of values(source)) {
      const size = JSON.stringify(value).length + (value !== null && typeof value === 'object' && !(Array.isArray(value) && value.length === 0) ? 0 : 10_000);
      if (size < bestSize && accepts(value)) [best, bestSize] = [value, size];
    }
    if (best !== undefined) return best;
  }
  return undefined;
}

function newAjv() {
  const ajv = new Ajv2020({ strict: false, allErrors: false });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  return ajv;
}

const banner = (source: string) => `<!-- Generated from ${source} by \`npm run gen:docs\`. Do not edit by hand: change the schema and run it again. -->`;

export function definitionFormatDoc(): string {
  const schema = readJsonFile('engine/schema/definition.schema.json') as Schema & { $defs: Record<string, Schema>; $id: string };
  const ajv = newAjv();
  ajv.addSchema(schema);
  const sources = [...['test/fixtures/every-node.json', 'definitions/camden.json', 'definitions/clinic.json', 'definitions/graft-lcs.json', 'definitions/caf-ehm.json'].map(readJsonFile), DEFINITION_EXAMPLES];
  const lines = [
    banner('engine/schema/definition.schema.json'),
    '',
    '# The definition format',
    '',
    `${String(schema['description'])}`,
    '',
    'A definition is one JSON file per authority variant in `definitions/`. Check one with `npx stepwise validate definitions/<id>.json`: it prints every problem with its code, its JSON path and a sentence. Start a new one with `npx stepwise new <id>`. Put `"$schema": "../engine/schema/definition.schema.json"` at the top so editors complete and check it. The terms used here (working days, census closure reasons RC1–RC9, trays, step down) are explained in `definitions/README.md`, "Terms".',
    '',
    'Each construct below has its fields and an example taken from the shipped definitions (`test/fixtures/every-node.json` first, then the four in `definitions/`).',
    '',
    '## Contents',
    '',
    '- [Definition (the top level)](#definition-the-top-level)',
    ...Object.keys(schema.$defs).map((name) => `- [${name}](#${anchor(name)})`),
    '',
    '## Definition (the top level)',
    '',
    ...propertyTable(schema),
    '',
  ];
  for (const [name, def] of Object.entries(schema.$defs)) {
    const validate = ajv.getSchema(`${schema.$id}#/$defs/${name}`)!;
    lines.push(`## ${name}`, '');
    const about = [DEFINITION_NOTES[name], typeof def['description'] === 'string' ? def['description'] : undefined].filter(Boolean).join(' ');
    if (about) lines.push(about, '');
    const type = typeOf({ ...def, description: undefined, allOf: undefined });
    if (!def.properties && !def.oneOf && !def.anyOf) lines.push(`Type: ${type}.`, '');
    const table = propertyTable(def);
    if (table.length) lines.push(...table, '');
    const inherits = (def.allOf ?? []).filter((s) => s.$ref).map(typeOf);
    if (inherits.length) lines.push(`It also has every field of ${inherits.join(' and ')}.`, '');
    const shapes = variants(def);
    if (shapes.length || def.oneOf || def.anyOf) lines.push(shapes.length ? 'One of these shapes:' : `One of: ${type}.`, '', ...shapes, '');
    lines.push(...example(exampleFor((v) => validate(v) === true, sources)), '');
  }
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

export function scenarioFormatDoc(jsonSchema: Schema = scenarioJsonSchema()): string {
  const ajv = newAjv();
  const sources = [readJsonFile('test/fixtures/every-node.scenario.json'), SCENARIO_EXAMPLES];
  const sections: string[][] = [];
  const visit = (schema: Schema, at: string, title: string) => {
    const isObject = schema['type'] === 'object' && (schema.properties || (schema['additionalProperties'] && typeof schema['additionalProperties'] === 'object'));
    if (!isObject && at !== '') return;
    const validate = ajv.compile({ ...schema, $schema: undefined, $id: undefined });
    sections.push([
      `## ${title}${at ? ` (\`${at}\`)` : ''}`,
      '',
      ...(typeof schema['description'] === 'string' ? [schema['description'], ''] : []),
      ...propertyTable(schema),
      '',
      ...example(exampleFor((v) => validate(v) === true, sources)),
      '',
    ]);
    for (const [key, value] of Object.entries(schema.properties ?? {})) {
      const child = at ? `${at}.${key}` : key;
      const target = value['type'] === 'array' && value.items ? value.items : value;
      visit(target, value['type'] === 'array' ? `${child}[]` : child, String(target['title'] ?? key));
    }
    const extra = schema['additionalProperties'];
    if (extra && typeof extra === 'object') visit(extra as Schema, `${at}.*`, String((extra as Schema)['title'] ?? 'Item'));
  };
  visit(jsonSchema, '', 'Scenario (the top level)');
  const lines = [
    banner(`${GENERATED.scenarioSchema} (from server/routes/definition-scenario-schema.ts)`),
    '',
    '# The scenario format',
    '',
    'A scenario is one case told as dated events, run with a simulated clock against a definition: `npx stepwise simulate <definition.json> <scenario.json> [--json]`, the designer\'s what-if runs, and the test `npx stepwise new` writes. Its JSON Schema is `engine/scenario/scenario.schema.json`; put `"$schema": "../../engine/scenario/scenario.schema.json"` at the top of a scenario in `test/<id>/` so editors complete and check it. A file that does not follow it is refused before it runs, each field at fault named by its JSON pointer with a sentence (`/steps/2/complete/task: …`).',
    '',
    'A step runs the clock to its own `at` first, firing every timer and escalation due by then. Deadlines are counted in London time: a task due "within 3 working days" entered on Friday 18 December 2026 is due at 23:59:59.999 on Wednesday 23 December (the weekend does not count; bank holidays and the authority\'s closure days do not either).',
    '',
    '`simulate` exits 0 when every expectation held, 1 when one failed (or the definition has problems), 2 for a usage or file error.',
    '',
    ...sections.flat(),
  ];
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

/** Every generated file: its path and its content. */
export function generatedDocs(): Array<{ file: string; content: string }> {
  const schema = scenarioJsonSchema();
  return [
    { file: GENERATED.scenarioSchema, content: `${JSON.stringify(schema, null, 2)}\n` },
    { file: GENERATED.definitionDoc, content: definitionFormatDoc() },
    { file: GENERATED.scenarioDoc, content: scenarioFormatDoc(schema) },
  ];
}

export const generatedPath = path;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const { file, content } of generatedDocs()) {
    writeFileSync(path(file), content);
    console.log(`wrote ${file}`);
  }
}
