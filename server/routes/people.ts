/**
 * People, for the authority's admins: list, add, change, turn off and on again, and import from
 * a CSV file with a dry run. Roles and teams must be ones the authority's published definitions
 * list (and `admin`); anything else is refused with 422 naming the field.
 *
 * Signing in: a person added here either gets an initial password the admin sets (at least
 * 12 characters, told to them by the admin, who should ask them to change it) or none, and then
 * signs in only through the council's OpenID provider (server/auth/oidc-people.ts finds them by
 * e-mail address). A CSV import never carries passwords: imported people are provider-only until
 * an admin sets an initial password with a change.
 *
 * Turning someone off ends every session they have at its next request: `requireSession` reads
 * the person afresh and refuses a disabled one (server/auth/session.ts). Changing roles, teams or
 * password does the same through the session's access digest. Each change is on the admin's
 * access log, with ids and field names only — never names or addresses.
 */
import { randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { NO_PASSWORD } from '../auth/oidc-people.ts';
import { hashPassword } from '../auth/password.ts';
import { isAdmin, type AppDeps, type AppEnv } from '../http/env.ts';
import { readJson } from '../http/json-body.ts';
import { headerPointer, HttpProblem } from '../http/problem.ts';
import type { UserRecord } from '../store/index.ts';
import { instant } from '../store/rows.ts';
import { errors, jsonBody, type Paths } from './openapi-types.ts';
import type * as Api from './api-types.gen.ts';

export const MIN_PASSWORD_LENGTH = 12;
/** More rows than any authority's staff list; the body limit stops larger files anyway. */
export const MAX_IMPORT_ROWS = 2000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const personProperties = {
  name: { type: 'string', title: 'Full name', minLength: 1, maxLength: 200 },
  email: { type: 'string', title: 'Email address', minLength: 3, maxLength: 320 },
  roles: { type: 'array', title: 'Roles', uniqueItems: true, maxItems: 50, items: { type: 'string', minLength: 1, maxLength: 100 } },
  teams: { type: 'array', title: 'Teams', uniqueItems: true, maxItems: 100, items: { type: 'string', minLength: 1, maxLength: 100 } },
  password: { type: 'string', title: 'Initial password', minLength: MIN_PASSWORD_LENGTH, maxLength: 200 },
};

const addShape = {
  title: 'Person',
  schema: { type: 'object', additionalProperties: false, required: ['name', 'email', 'roles'], properties: { ...personProperties, teams: { ...personProperties.teams } } },
  errorMessages: {
    '/name': { required: 'Enter the person’s full name', minLength: 'Enter the person’s full name' },
    '/email': { required: 'Enter an email address', minLength: 'Enter an email address in the correct format, like name@council.gov.uk' },
    '/roles': { required: 'Select at least one role' },
    '/password': { minLength: `The initial password must be ${MIN_PASSWORD_LENGTH} characters or more` },
  },
};

const changeShape = {
  title: 'Change to a person',
  schema: { type: 'object', additionalProperties: false, minProperties: 1, properties: { ...personProperties, disabled: { type: 'boolean', title: 'Turned off' } } },
  errorMessages: addShape.errorMessages,
};

type PersonBody = { name: string; email: string; roles: string[]; teams?: string[]; password?: string };
type ChangeBody = Partial<PersonBody> & { disabled?: boolean };
type FieldError = { pointer: string; keyword: string; message: string };

/** What an admin sees of a person: never the password hash; whether they can sign in with a password. */
export const personView = ({ passwordHash, sso, ...user }: UserRecord): Api.Person => ({
  ...user,
  disabled: user.disabled === true,
  hasPassword: passwordHash !== NO_PASSWORD,
  signsInWithProvider: sso !== undefined,
});

function adminOf(c: Context<AppEnv>) {
  const user = c.get('user');
  if (!isAdmin(user)) throw new HttpProblem(403, 'not_allowed', 'Only admins can manage people.');
  return user;
}

export interface Choices {
  roles: Array<{ id: string; name: string }>;
  teams: Array<{ id: string; name: string }>;
}

/** The roles and teams of the authority's published definitions (latest versions), each once, and `admin`. */
export async function choicesFor(deps: AppDeps, authority: string): Promise<Choices> {
  const roles = new Map<string, string>([['admin', 'Administrator']]);
  const teams = new Map<string, string>();
  for (const summary of await deps.store.listDefinitions(authority)) {
    if (summary.latestVersion === null) continue;
    const published = await deps.store.latestPublished(summary.id);
    if (!published) continue;
    for (const role of published.definition.roles) if (!roles.has(role.id)) roles.set(role.id, role.name);
    for (const team of published.definition.teams) if (!teams.has(team.id)) teams.set(team.id, team.name);
  }
  const list = (map: Map<string, string>) => [...map].map(([id, name]) => ({ id, name }));
  return { roles: list(roles), teams: list(teams) };
}

/** Field errors for roles and teams not in the authority's lists, each naming what is allowed. */
function choiceErrors(choices: Choices, roles: string[] | undefined, teams: string[] | undefined, prefix = ''): FieldError[] {
  const found: FieldError[] = [];
  const check = (values: string[] | undefined, allowed: Choices['roles'], field: 'roles' | 'teams', what: string) =>
    values?.forEach((value, index) => {
      if (!allowed.some((a) => a.id === value)) {
        found.push({ pointer: `${prefix}/${field}/${index}`, keyword: 'enum', message: `“${value}” is not a ${what} of this authority; use one of: ${allowed.map((a) => a.id).join(', ') || '(none published)'}` });
      }
    });
  check(roles, choices.roles, 'roles', 'role');
  check(teams, choices.teams, 'teams', 'team');
  return found;
}

const invalid = (title: string, errorList: FieldError[]) => new HttpProblem(422, 'request_invalid', `The ${title} request has answers to correct.`, { errors: errorList });

/** Another person with this address (any authority) — a conflict; says nothing of which authority. */
async function emailTaken(deps: AppDeps, email: string, exceptId?: string): Promise<boolean> {
  const holder = await deps.store.findUserByEmail(email);
  return holder !== null && holder.id !== exceptId;
}

async function ownPerson(c: Context<AppEnv>, authority: string): Promise<UserRecord> {
  const found = await c.get('deps').store.getUser(c.req.param('id') ?? '');
  if (!found || found.authority !== authority) throw new HttpProblem(404, 'not_found', 'There is no such person.');
  return found;
}

async function record(c: Context<AppEnv>, action: string, detail: Record<string, unknown>): Promise<void> {
  const { store, clock } = c.get('deps');
  const user = c.get('user');
  await store.appendAccess(user.authority, { at: instant(clock.now()), actor: user.id, action, detail });
}

const newId = (authority: string) => `${authority}.p-${randomBytes(9).toString('base64url')}`;
const sortedUnique = (values: string[]) => [...new Set(values)].sort();

export const peopleRoutes = new Hono<AppEnv>()
  .get('/api/people', async (c) => {
    const user = adminOf(c);
    const deps = c.get('deps');
    const people = await deps.store.listUsers(user.authority);
    return c.json({ authority: user.authority, ...(await choicesFor(deps, user.authority)), minPasswordLength: MIN_PASSWORD_LENGTH, people: people.map(personView) } satisfies Api.PeopleList);
  })
  .post('/api/people', async (c) => {
    const admin = adminOf(c);
    const deps = c.get('deps');
    const body = await readJson<PersonBody>(c, addShape);
    const email = body.email.trim();
    const fieldErrors = choiceErrors(await choicesFor(deps, admin.authority), body.roles, body.teams);
    if (!EMAIL.test(email)) fieldErrors.unshift({ pointer: '/email', keyword: 'format', message: 'Enter an email address in the correct format, like name@council.gov.uk' });
    if (body.roles.length === 0) fieldErrors.push({ pointer: '/roles', keyword: 'minItems', message: 'Select at least one role' });
    if (fieldErrors.length > 0) throw invalid('person', fieldErrors);
    if (await emailTaken(deps, email)) throw new HttpProblem(409, 'email_taken', 'Someone already has a Stepwise account with that email address.', { errors: [{ pointer: '/email', keyword: 'unique', message: 'Someone already has an account with that email address' }] });
    const person: UserRecord = {
      id: newId(admin.authority),
      authority: admin.authority,
      name: body.name.trim(),
      email,
      roles: sortedUnique(body.roles),
      teams: sortedUnique(body.teams ?? []),
      passwordHash: body.password ? await hashPassword(body.password) : NO_PASSWORD,
    };
    await deps.store.saveUser(person);
    await record(c, 'person_added', { person: person.id, roles: person.roles, teams: person.teams });
    return c.json({ person: personView(person) } satisfies Api.PersonAnswer, 201);
  })
  .patch('/api/people/:id', async (c) => {
    const admin = adminOf(c);
    const deps = c.get('deps');
    const found = await ownPerson(c, admin.authority);
    const body = await readJson<ChangeBody>(c, changeShape);
    const fieldErrors = choiceErrors(await choicesFor(deps, admin.authority), body.roles, body.teams);
    const email = body.email?.trim();
    if (email !== undefined && !EMAIL.test(email)) fieldErrors.unshift({ pointer: '/email', keyword: 'format', message: 'Enter an email address in the correct format, like name@council.gov.uk' });
    if (body.roles?.length === 0) fieldErrors.push({ pointer: '/roles', keyword: 'minItems', message: 'Select at least one role' });
    if (found.id === admin.id && body.disabled === true) fieldErrors.push({ pointer: '/disabled', keyword: 'self', message: 'You cannot turn off your own account; ask another admin' });
    if (found.id === admin.id && body.roles && !body.roles.includes('admin')) fieldErrors.push({ pointer: '/roles', keyword: 'self', message: 'You cannot remove your own admin role; ask another admin' });
    if (fieldErrors.length > 0) throw invalid('change to a person', fieldErrors);
    if (email !== undefined && (await emailTaken(deps, email, found.id))) throw new HttpProblem(409, 'email_taken', 'Someone already has a Stepwise account with that email address.', { errors: [{ pointer: '/email', keyword: 'unique', message: 'Someone already has an account with that email address' }] });
    const { disabled: _wasDisabled, ...rest } = found;
    const changed: UserRecord = {
      ...rest,
      // Turned on again: the flag goes, as on someone never turned off.
      ...(found.disabled && body.disabled !== false ? { disabled: true } : {}),
      ...(body.name !== undefined ? { name: body.name.trim() } : {}),
      ...(email !== undefined ? { email } : {}),
      ...(body.roles !== undefined ? { roles: sortedUnique(body.roles) } : {}),
      ...(body.teams !== undefined ? { teams: sortedUnique(body.teams) } : {}),
      ...(body.password !== undefined ? { passwordHash: await hashPassword(body.password) } : {}),
      ...(body.disabled === true ? { disabled: true } : {}),
    };
    await deps.store.saveUser(changed);
    await record(c, body.disabled === true ? 'person_disabled' : body.disabled === false ? 'person_enabled' : 'person_changed', { person: found.id, fields: Object.keys(body).sort() });
    return c.json({ person: personView(changed) } satisfies Api.PersonAnswer);
  })
  .post('/api/people/import', async (c) => {
    const admin = adminOf(c);
    const deps = c.get('deps');
    const dryRun = c.req.query('dryRun');
    if (dryRun !== undefined && dryRun !== 'true' && dryRun !== 'false') {
      throw new HttpProblem(422, 'request_invalid', 'dryRun must be true or false.', { errors: [{ pointer: '/query/dryRun', keyword: 'enum', message: 'dryRun must be true or false' }] });
    }
    const type = c.req.header('content-type') ?? '';
    if (!/^text\/csv\b/i.test(type)) {
      throw new HttpProblem(415, 'unsupported_media_type', 'Send the people as CSV, with "Content-Type: text/csv".', {
        errors: [{ pointer: headerPointer('Content-Type'), keyword: 'enum', message: 'Send the people as CSV, with Content-Type: text/csv' }],
      });
    }
    const { plans, ...report } = await planImport(deps, admin.authority, await c.req.text());
    if (dryRun === 'true') return c.json({ dryRun: true, ...report } satisfies Api.PeopleImport);
    if (report.counts.refused > 0) {
      throw new HttpProblem(422, 'import_refused', `${report.counts.refused} row(s) of the file have problems; nothing was imported. Correct them and try again.`, { ...report, errors: report.rows.flatMap((r) => r.errors.map((e) => ({ pointer: `/rows/${r.row}/${e.column}`, keyword: 'csv', message: `Row ${r.row}, ${e.column}: ${e.message}` }))) });
    }
    for (const plan of plans) {
      if (plan.outcome === 'add' || plan.outcome === 'change') await deps.store.saveUser(plan.record);
    }
    await record(c, 'people_imported', { added: plans.filter((p) => p.outcome === 'add').map((p) => p.record.id), changed: plans.filter((p) => p.outcome === 'change').map((p) => p.record.id) });
    return c.json({ dryRun: false, counts: report.counts, rows: report.rows } satisfies Api.PeopleImport);
  });

// ---------------------------------------------------------------- CSV import

export const IMPORT_COLUMNS = ['name', 'email', 'roles', 'teams'] as const;

/** RFC 4180 CSV: commas, double-quoted fields with "" for a quote, CRLF or LF. Returns rows of cells, or the line of an unclosed quote. */
export function parseCsv(text: string): { rows: string[][] } | { unclosedQuoteAtLine: number } {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let quoteLine = 1;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else { if (ch === '\n') line++; cell += ch; }
    } else if (ch === '"' && cell === '') { quoted = true; quoteLine = line; }
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = ''; line++;
    } else cell += ch;
  }
  if (quoted) return { unclosedQuoteAtLine: quoteLine };
  if (cell !== '' || row.length > 0) { row.push(cell); rows.push(row); }
  return { rows: rows.filter((r) => r.some((c) => c.trim() !== '')) };
}

export type RowOutcome = 'add' | 'change' | 'unchanged' | 'refused';
type RowReport = Api.PeopleImport['rows'][number];
type Plan = { outcome: RowOutcome; record: UserRecord };

/** A list cell: values separated by semicolons (commas would split the CSV cell), blanks dropped. */
const listCell = (cell: string) => cell.split(';').map((v) => v.trim()).filter((v) => v !== '');

/** What importing the file would do, row by row (row 1 is the header), without doing it. */
async function planImport(deps: AppDeps, authority: string, text: string) {
  const parsed = parseCsv(text);
  const fileError = (pointer: string, message: string) => new HttpProblem(422, 'csv_invalid', message, { errors: [{ pointer, keyword: 'csv', message }] });
  if ('unclosedQuoteAtLine' in parsed) throw fileError(`/rows/${parsed.unclosedQuoteAtLine}`, `A quoted cell that starts on line ${parsed.unclosedQuoteAtLine} is never closed.`);
  const [header, ...data] = parsed.rows;
  if (!header) throw fileError('/header', `The file is empty. Its first line must be the column names: ${IMPORT_COLUMNS.join(',')}.`);
  const columns = header.map((h) => h.trim().toLowerCase());
  const missing = IMPORT_COLUMNS.filter((name) => !columns.includes(name) && name !== 'teams');
  const unknown = columns.filter((name) => !(IMPORT_COLUMNS as readonly string[]).includes(name));
  if (missing.length > 0 || unknown.length > 0) {
    throw fileError('/header', `The first line must name the columns ${IMPORT_COLUMNS.join(',')} (teams may be left out)${missing.length ? `; missing: ${missing.join(', ')}` : ''}${unknown.length ? `; not known: ${unknown.join(', ')}` : ''}.`);
  }
  if (data.length > MAX_IMPORT_ROWS) throw fileError('/rows', `The file has ${data.length} people; import at most ${MAX_IMPORT_ROWS} at a time.`);
  const choices = await choicesFor(deps, authority);
  const seen = new Map<string, number>();
  const rows: RowReport[] = [];
  const plans: Plan[] = [];
  for (const [index, cells] of data.entries()) {
    const rowNumber = index + 2;
    const cell = (name: string) => (columns.indexOf(name) >= 0 ? (cells[columns.indexOf(name)] ?? '').trim() : '');
    const name = cell('name');
    const email = cell('email');
    const roles = sortedUnique(listCell(cell('roles')));
    const teams = sortedUnique(listCell(cell('teams')));
    const rowErrors: RowReport['errors'] = [];
    if (cells.length > columns.length) rowErrors.push({ column: 'row', message: `has ${cells.length} cells but the header names ${columns.length} columns (a comma in a name needs the cell in double quotes)` });
    if (name === '') rowErrors.push({ column: 'name', message: 'Enter the person’s full name' });
    if (!EMAIL.test(email)) rowErrors.push({ column: 'email', message: email === '' ? 'Enter an email address' : `“${email}” is not an email address in the correct format, like name@council.gov.uk` });
    if (roles.length === 0) rowErrors.push({ column: 'roles', message: `Enter at least one role, separated by semicolons; the roles are: ${choices.roles.map((r) => r.id).join(', ')}` });
    for (const e of choiceErrors(choices, roles, teams)) rowErrors.push({ column: e.pointer.split('/')[1]!, message: e.message });
    const key = email.toLowerCase();
    if (email !== '' && seen.has(key)) rowErrors.push({ column: 'email', message: `The same email address is on row ${seen.get(key)}` });
    if (email !== '' && !seen.has(key)) seen.set(key, rowNumber);
    const existing = EMAIL.test(email) ? await deps.store.findUserByEmail(email) : null;
    if (existing && existing.authority !== authority) rowErrors.push({ column: 'email', message: 'Someone already has a Stepwise account with that email address' });
    if (rowErrors.length > 0) {
      rows.push({ row: rowNumber, email, outcome: 'refused', errors: rowErrors });
      continue;
    }
    if (!existing) {
      const record: UserRecord = { id: newId(authority), authority, name, email, roles, teams, passwordHash: NO_PASSWORD };
      plans.push({ outcome: 'add', record });
      rows.push({ row: rowNumber, email, outcome: 'add', errors: [] });
      continue;
    }
    const changes = [
      ...(existing.name !== name ? ['name'] : []),
      ...(JSON.stringify([...existing.roles].sort()) !== JSON.stringify(roles) ? ['roles'] : []),
      ...(JSON.stringify([...existing.teams].sort()) !== JSON.stringify(teams) ? ['teams'] : []),
    ];
    const outcome: RowOutcome = changes.length > 0 ? 'change' : 'unchanged';
    plans.push({ outcome, record: { ...existing, name, roles, teams } });
    rows.push({ row: rowNumber, email, outcome, ...(changes.length ? { changes } : {}), errors: [] });
  }
  const count = (outcome: RowOutcome) => rows.filter((r) => r.outcome === outcome).length;
  return { counts: { add: count('add'), change: count('change'), unchanged: count('unchanged'), refused: count('refused') }, rows, plans };
}

const idParameter = { name: 'id', in: 'path' as const, required: true, schema: { type: 'string' }, description: 'The person’s id' };

export const peoplePaths: Paths = {
  '/api/people': {
    get: { summary: 'The authority’s people (never password hashes), and the roles and teams its published definitions list (admins)', tags: ['People'], responses: { '200': { description: 'People ordered by id, with `roles` and `teams` to choose from' }, ...errors(401, 403) } },
    post: {
      summary: 'Adds a person; roles and teams must be the published definitions’ (or `admin`). With `password`, they can sign in with it at once; without, only through the council’s provider (admins)',
      tags: ['People'],
      requestBody: jsonBody(addShape.schema),
      responses: { '201': { description: 'The person' }, ...errors(400, 401, 403, 413, 415, 422), '409': { description: 'Someone already has that email address: `email_taken` (application/problem+json)' } },
    },
  },
  '/api/people/{id}': {
    patch: {
      summary: 'Changes a person: name, email, roles, teams, a new initial password, or `disabled` (turning someone off ends their sessions at once) (admins)',
      tags: ['People'],
      parameters: [idParameter],
      requestBody: jsonBody(changeShape.schema),
      responses: { '200': { description: 'The person' }, ...errors(400, 401, 403, 404, 413, 415, 422), '409': { description: 'Someone else has that email address: `email_taken` (application/problem+json)' } },
    },
  },
  '/api/people/import': {
    post: {
      summary: 'Imports people from CSV (`text/csv`; columns name,email,roles,teams; several roles or teams separated by semicolons), matched by email address. `?dryRun=true` reports each row as add, change, unchanged or refused (with reasons by row and column) and changes nothing; without it, the import happens only if no row is refused. Imported people sign in through the council’s provider until an admin sets an initial password (admins)',
      tags: ['People'],
      parameters: [{ name: 'dryRun', in: 'query', required: false, schema: { type: 'string', enum: ['true', 'false'] }, description: 'Report without changing anything' }],
      requestBody: { required: true, content: { 'text/csv': { schema: { type: 'string' } } } },
      responses: {
        '200': { description: '`counts` by outcome and `rows`: `{row, email, outcome, changes?, errors: [{column, message}]}`' },
        ...errors(401, 403, 413, 415),
        '422': { description: '`csv_invalid` (header or quoting), `request_invalid` (the query string), or `import_refused` with the per-row report: nothing imported (application/problem+json)' },
      },
    },
  },
};
