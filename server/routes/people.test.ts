import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiHarness, type Api } from '../../test/support/api.ts';
import { parseCsv } from './people.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let api: Api;
beforeEach(async () => {
  api = await apiHarness('2026-12-07T09:00:00Z');
});
afterEach(async () => api.close());

const csv = (admin: Awaited<ReturnType<Api['signIn']>>, text: string, query = '') =>
  admin.send('POST', `/api/people/import${query}`, text, { 'content-type': 'text/csv; charset=utf-8' });

const ayesha = { name: 'Ayesha Khan', email: 'ayesha.khan@camden.gov.uk', roles: ['eh_family_worker'], teams: ['families_in_focus'] };

describe('people for an authority’s admins', () => {
  it('Given Camden’s admin, When they list people, Then they see the demo people without password hashes and the roles and teams of Camden’s definitions', async () => {
    const admin = await api.signIn('admin@camden.example');
    const response = await admin.get('/api/people');
    expect(response.status).toBe(200);
    const body = (await response.json()) as Json;
    expect(body.authority).toBe('camden');
    expect(body.roles.map((r: Json) => r.id)).toEqual(expect.arrayContaining(['admin', 'eh_family_worker', 'social_worker']));
    expect(body.teams).toContainEqual({ id: 'eh_front_door', name: 'Early Help front door' });
    expect(body.people.map((p: Json) => p.email)).toContain('eh_family_worker@camden.example');
    expect(body.people.every((p: Json) => p.authority === 'camden')).toBe(true);
    expect(JSON.stringify(body)).not.toContain('scrypt$');
  });

  it('When the admin adds a person with an initial password, Then that person can sign in with it at once', async () => {
    const admin = await api.signIn('admin@camden.example');
    const added = await admin.post('/api/people', { ...ayesha, password: 'first-day-password' });
    expect(added.status).toBe(201);
    const { person } = (await added.json()) as Json;
    expect(person).toMatchObject({ ...ayesha, authority: 'camden', disabled: false, hasPassword: true, id: expect.stringMatching(/^camden\.p-/) });
    const her = await api.signIn('ayesha.khan@camden.gov.uk', 'first-day-password');
    expect(her.user.id).toBe(person.id);
    const access = await api.store.listAccess({ authority: 'camden', actor: 'camden.admin' });
    expect(access.find((a) => a.action === 'person_added')?.detail).toEqual({ person: person.id, roles: ayesha.roles, teams: ayesha.teams });
    expect(JSON.stringify(access)).not.toContain('Ayesha');
  });

  it('When a role or team is not in the authority’s definitions, Then 422 names the field and lists what is allowed', async () => {
    const admin = await api.signIn('admin@camden.example');
    const response = await admin.post('/api/people', { ...ayesha, roles: ['eh_family_worker', 'wizard'], teams: ['north_locality'] });
    expect(response.status).toBe(422);
    const body = (await response.json()) as Json;
    expect(body.code).toBe('request_invalid');
    expect(body.errors).toEqual([
      { pointer: '/roles/1', keyword: 'enum', message: expect.stringContaining('“wizard” is not a role of this authority; use one of: admin, social_worker') },
      { pointer: '/teams/0', keyword: 'enum', message: expect.stringContaining('use one of: eh_front_door, eh_panel') },
    ]);
    // Another authority's role is not Camden's either.
    const other = await admin.post('/api/people', { ...ayesha, roles: ['mash_manager'] });
    expect(other.status).toBe(422);
    expect(((await other.json()) as Json).errors[0].pointer).toBe('/roles/0');
  });

  it('When the body is wrong in other ways, Then each refusal has its status and names the field', async () => {
    const admin = await api.signIn('admin@camden.example');
    const cases: Array<[unknown, number, string]> = [
      [{ ...ayesha, email: 'not-an-address' }, 422, '/email'],
      [{ ...ayesha, roles: [] }, 422, '/roles'],
      [{ ...ayesha, password: 'short' }, 422, '/password'],
      [{ ...ayesha, nickname: 'Ash' }, 422, '/nickname'],
      [{ ...ayesha, email: 'EH_FAMILY_WORKER@camden.example' }, 409, '/email'],
    ];
    for (const [body, status, pointer] of cases) {
      const response = await admin.post('/api/people', body);
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect(((await response.json()) as Json).errors.map((e: Json) => e.pointer)).toContain(pointer);
    }
    expect((await admin.send('POST', '/api/people', 'name=x', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await admin.send('POST', '/api/people', '{"name":', { 'content-type': 'application/json' })).status).toBe(400);
  });

  it('Given a practitioner, When they try to list or add people, Then 403; and nobody signed in gets 401', async () => {
    const worker = await api.signIn('eh_family_worker@camden.example');
    expect((await worker.get('/api/people')).status).toBe(403);
    expect((await worker.post('/api/people', ayesha)).status).toBe(403);
    expect((await csv(worker, 'name,email,roles\n', '?dryRun=true')).status).toBe(403);
    expect((await api.request('/api/people')).status).toBe(401);
  });

  it('When the admin changes a person’s roles, Then their session ends and they sign in again with the new access', async () => {
    const admin = await api.signIn('admin@camden.example');
    const worker = await api.signIn('eh_family_worker@camden.example');
    expect((await worker.get('/api/session')).status).toBe(200);
    const changed = await admin.send('PATCH', '/api/people/camden.eh_family_worker', { roles: ['eh_family_worker', 'eh_team_manager'] });
    expect(changed.status).toBe(200);
    expect(((await changed.json()) as Json).person.roles).toEqual(['eh_family_worker', 'eh_team_manager']);
    expect((await worker.get('/api/session')).status).toBe(401);
    const again = await api.signIn('eh_family_worker@camden.example');
    expect(((await (await again.get('/api/session')).json()) as Json).user.roles).toEqual(['eh_family_worker', 'eh_team_manager']);
  });

  it('When the admin turns someone off, Then their sessions end at once and they cannot sign in; turned on, they can', async () => {
    const admin = await api.signIn('admin@camden.example');
    const worker = await api.signIn('eh_family_worker@camden.example');
    const off = await admin.send('PATCH', '/api/people/camden.eh_family_worker', { disabled: true });
    expect(((await off.json()) as Json).person.disabled).toBe(true);
    expect((await worker.get('/api/work')).status).toBe(401);
    await expect(api.signIn('eh_family_worker@camden.example')).rejects.toThrow(/401/);
    await admin.send('PATCH', '/api/people/camden.eh_family_worker', { disabled: false });
    expect((await api.signIn('eh_family_worker@camden.example')).user.id).toBe('camden.eh_family_worker');
    const access = await api.store.listAccess({ authority: 'camden', actor: 'camden.admin' });
    expect(access.map((a) => a.action)).toEqual(expect.arrayContaining(['person_disabled', 'person_enabled']));
  });

  it('When an admin would turn themselves off or drop their admin role, or change someone of another authority, Then it is refused', async () => {
    const admin = await api.signIn('admin@camden.example');
    const self = await admin.send('PATCH', '/api/people/camden.admin', { disabled: true });
    expect(self.status).toBe(422);
    expect(((await self.json()) as Json).errors[0].pointer).toBe('/disabled');
    const demote = await admin.send('PATCH', '/api/people/camden.admin', { roles: ['eh_family_worker'] });
    expect(((await demote.json()) as Json).errors[0].pointer).toBe('/roles');
    const other = (await api.store.listUsers('clinic'))[0]!;
    const foreign = await admin.send('PATCH', `/api/people/${other.id}`, { disabled: true });
    expect(foreign.status).toBe(404);
    expect((await admin.send('PATCH', '/api/people/camden.nobody', { disabled: true })).status).toBe(404);
    expect((await admin.send('PATCH', '/api/people/camden.eh_family_worker', {})).status).toBe(422);
  });
});

describe('importing people from CSV', () => {
  const file = [
    'name,email,roles,teams',
    'Ayesha Khan,ayesha.khan@camden.gov.uk,eh_family_worker,families_in_focus',
    '"Okafor, Chidi",chidi.okafor@camden.gov.uk,eh_team_manager;eh_duty_manager,families_in_focus;complex_families_team_manager',
    'Demo Early Help Family Worker,eh_family_worker@camden.example,eh_family_worker,families_in_focus',
    'Renamed Admin,admin@camden.example,admin,',
  ].join('\r\n');

  it('Given a CSV of new and existing people, When the admin dry-runs it and then imports it for real, Then the report is per row, nothing changes in the dry run, and an imported person signs in once given a password', async () => {
    const admin = await api.signIn('admin@camden.example');
    const before = (await api.store.listUsers('camden')).length;
    const dry = await csv(admin, file, '?dryRun=true');
    expect(dry.status).toBe(200);
    const report = (await dry.json()) as Json;
    expect(report).toEqual({
      dryRun: true,
      counts: { add: 2, change: 2, unchanged: 0, refused: 0 },
      rows: [
        { row: 2, email: 'ayesha.khan@camden.gov.uk', outcome: 'add', errors: [] },
        { row: 3, email: 'chidi.okafor@camden.gov.uk', outcome: 'add', errors: [] },
        { row: 4, email: 'eh_family_worker@camden.example', outcome: 'change', changes: ['teams'], errors: [] },
        { row: 5, email: 'admin@camden.example', outcome: 'change', changes: ['name'], errors: [] },
      ],
    });
    expect((await api.store.listUsers('camden')).length).toBe(before);

    const real = await csv(admin, file);
    expect(real.status).toBe(200);
    expect(((await real.json()) as Json).counts).toEqual({ add: 2, change: 2, unchanged: 0, refused: 0 });
    const chidi = await api.store.findUserByEmail('chidi.okafor@camden.gov.uk');
    expect(chidi).toMatchObject({ name: 'Okafor, Chidi', roles: ['eh_duty_manager', 'eh_team_manager'], teams: ['complex_families_team_manager', 'families_in_focus'], passwordHash: 'none' });
    // Imported people have no password: they cannot sign in with one until an admin sets it.
    await expect(api.signIn('chidi.okafor@camden.gov.uk', 'anything-at-all')).rejects.toThrow(/401/);
    await admin.send('PATCH', `/api/people/${chidi!.id}`, { password: 'welcome-to-camden' });
    const him = await api.signIn('chidi.okafor@camden.gov.uk', 'welcome-to-camden');
    const session = (await (await him.get('/api/session')).json()) as Json;
    expect(session.user).toMatchObject({ name: 'Okafor, Chidi', authority: 'camden', teams: ['complex_families_team_manager', 'families_in_focus'] });
    expect((await him.get('/api/work')).status).toBe(200);

    const twice = (await (await csv(admin, file, '?dryRun=true')).json()) as Json;
    expect(twice.counts).toEqual({ add: 0, change: 0, unchanged: 4, refused: 0 });
  });

  it('When rows are wrong, Then the dry run says why by row and column, and the real import refuses all of it', async () => {
    const admin = await api.signIn('admin@camden.example');
    const bad = [
      'name,email,roles,teams',
      ',nobody-at-all,wizard,',
      'Ayesha Khan,ayesha.khan@camden.gov.uk,eh_family_worker,north_locality',
      'Ayesha Again,AYESHA.KHAN@camden.gov.uk,eh_family_worker,',
      'Clinic Person,mash_manager@clinic.example,eh_family_worker,',
      'Fine Person,fine@camden.gov.uk,social_worker,',
    ].join('\n');
    const dry = (await (await csv(admin, bad, '?dryRun=true')).json()) as Json;
    expect(dry.counts).toEqual({ add: 1, change: 0, unchanged: 0, refused: 4 });
    expect(dry.rows[0]).toEqual({
      row: 2, email: 'nobody-at-all', outcome: 'refused',
      errors: [
        { column: 'name', message: 'Enter the person’s full name' },
        { column: 'email', message: expect.stringContaining('not an email address') },
        { column: 'roles', message: expect.stringContaining('“wizard” is not a role of this authority; use one of: admin,') },
      ],
    });
    expect(dry.rows[1].errors).toEqual([{ column: 'teams', message: expect.stringContaining('“north_locality” is not a team') }]);
    expect(dry.rows[2].errors).toEqual([{ column: 'email', message: 'The same email address is on row 3' }]);
    expect(dry.rows[3].errors).toEqual([{ column: 'email', message: 'Someone already has a Stepwise account with that email address' }]);
    const real = await csv(admin, bad);
    expect(real.status).toBe(422);
    const refused = (await real.json()) as Json;
    expect(refused.code).toBe('import_refused');
    expect(refused.errors).toContainEqual({ pointer: '/rows/3/teams', keyword: 'csv', message: expect.stringContaining('Row 3, teams: “north_locality” is not a team') });
    expect(await api.store.findUserByEmail('fine@camden.gov.uk')).toBeNull();
  });

  it('When the file, query or media type is wrong, Then 422 with a pointer or 415', async () => {
    const admin = await api.signIn('admin@camden.example');
    const header = (await (await csv(admin, 'name,mail,roles\nA,a@b.uk,admin', '?dryRun=true')).json()) as Json;
    expect(header).toMatchObject({ status: 422, code: 'csv_invalid', errors: [{ pointer: '/header', message: expect.stringContaining('missing: email; not known: mail') }] });
    expect(((await (await csv(admin, '', '?dryRun=true')).json()) as Json).errors[0].pointer).toBe('/header');
    const quote = (await (await csv(admin, 'name,email,roles\n"Open,a@b.uk,admin\n', '?dryRun=true')).json()) as Json;
    expect(quote.errors[0].pointer).toBe('/rows/2');
    const query = await csv(admin, 'name,email,roles\n', '?dryRun=maybe');
    expect(query.status).toBe(422);
    expect(((await query.json()) as Json).errors[0].pointer).toBe('/query/dryRun');
    expect(await (await admin.post('/api/people/import?dryRun=true', { name: 'x' })).json()).toMatchObject({ status: 415, errors: [{ pointer: '/headers/content-type', message: 'Send the people as CSV, with Content-Type: text/csv' }] });
  });

  it('parses quoted cells, doubled quotes, CRLF and a byte-order mark', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, ""y""",z\n\n')).toEqual({ rows: [['a', 'b'], ['x, "y"', 'z']] });
  });
});
