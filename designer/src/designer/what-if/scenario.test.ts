import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../../../engine/schema/definition.types.ts';
import { passOptions, passTo } from './next-actions.ts';
import { assigneeText, memberOf, personName, teamMembers } from './people.ts';
import { actorFor, londonInstant, londonParts, usersFor } from './scenario.ts';
import { refusalOf } from './what-if.svelte.ts';

const dir = new URL('../../../../definitions/', import.meta.url);
const definitions = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as WorkflowDefinition);

describe('what-if runs', () => {
  it('says who a task is with by name: the social worker, a team by its name, not ids', () => {
    const camden = definitions.find((d) => d.id === 'camden')!;
    const users = usersFor(camden);
    expect(assigneeText(camden, { worker: 'social_worker' }, users)).toBe('the social worker (CIN social worker)');
    expect(assigneeText(camden, { team: 'eh_front_door' }, users)).toBe('the Early Help front door team');
    expect(assigneeText(camden, { team: 'ieys_borough_wide_duty_inbox' }, users)).toBe('the IEYS Borough Wide Duty Inbox');
    expect(assigneeText(camden, { role: 'sw_team_manager' }, users)).toBe('any Social work team manager / ATM');
    expect(personName(camden, 'someone.else', { 'someone.else': { name: 'Sian Jones', roles: [] } })).toBe('Sian Jones');
  });

  it('Given a task with a team nobody in the run belongs to (a Camden duty tray), Then a member is made for it with the step’s roles', () => {
    const camden = definitions.find((d) => d.id === 'camden')!;
    const users = usersFor(camden);
    const members = teamMembers(camden, [{ node: 'asm_offer_consultation', assignee: { team: 'ieys_kte_duty_manager' } }], users);
    expect(members).toEqual({ [memberOf('ieys_kte_duty_manager')]: { name: 'A member of IEYS Kentish Town East', roles: ['eh_team_manager'], teams: ['ieys_kte_duty_manager'] } });
    expect(actorFor({ team: 'ieys_kte_duty_manager' }, { ...users, ...members })).toBe(memberOf('ieys_kte_duty_manager'));
    const later = teamMembers(camden, [{ node: 'eh_record', assignee: { team: 'ieys_kte_duty_manager' } }], { ...users, ...members });
    expect(later).toEqual({});
  });

  it('offers the team an answer names first when a next action passes to it, then the other teams; a worker by role', () => {
    const camden = definitions.find((d) => d.id === 'camden')!;
    const users = usersFor(camden);
    const screen = camden.nodes.find((n) => n.id === 'asm_screen')!;
    const contact = screen.kind === 'user_task' ? screen.nextActions.find((a) => a.id === 'contact_team') : undefined;
    const options = passOptions(camden, contact, users, { form: { asm_screen: { ehTeam: 'ieys_kte_duty_manager' } } });
    expect(options[0]).toEqual({ value: 'team:ieys_kte_duty_manager', label: 'The IEYS Kentish Town East team' });
    expect(passTo(options[0]!.value)).toEqual({ team: 'ieys_kte_duty_manager' });
    const record = camden.nodes.find((n) => n.id === 'eh_record')!;
    const assessment = record.kind === 'user_task' ? record.nextActions.find((a) => a.id === 'eh_assessment_required') : undefined;
    expect(passOptions(camden, assessment, users, {}).map((o) => o.value)).toContain('worker:eh_family_worker');
  });

  it('reads a refusal: the field errors, and the guards’ and next actions’ messages, all from one submit', () => {
    const refusal = refusalOf({ code: 'form_invalid', message: 'The task has answers to correct.', fieldErrors: [{ pointer: '/visitDate', keyword: 'required', message: 'Enter the date' }], guardMessages: ['Both must attend'], actionErrors: [{ code: 'pass_to_required', message: 'Say who' }] });
    expect(refusal).toEqual({ code: 'form_invalid', message: 'The task has answers to correct.', fieldErrors: [{ pointer: '/visitDate', keyword: 'required', message: 'Enter the date' }], messages: ['Both must attend', 'Say who'] });
    expect(refusalOf({ code: 'not_allowed', message: 'Only a social worker can do this.' }).messages).toEqual(['Only a social worker can do this.']);
  });

  it('makes one person per role, in the teams that role works in, and finds who does a task', () => {
    const clinic = definitions.find((d) => d.id === 'clinic')!;
    const users = usersFor(clinic);
    expect(users['mash_manager']).toEqual({ name: 'MASH Manager', roles: ['mash_manager'], teams: ['mash'] });
    expect(actorFor({ team: 'mash' }, users)).toBe('mash_manager');
    expect(actorFor({ role: 'social_worker' }, users)).toBe('social_worker');
    expect(actorFor({ worker: 'sian' }, users)).toBe('sian');
  });

  it('reads London wall-clock times across GMT and BST', () => {
    expect(londonInstant('2026-12-14', '09:30')).toBe('2026-12-14T09:30:00Z');
    expect(londonInstant('2026-07-01', '09:30')).toBe('2026-07-01T08:30:00Z');
    expect(londonParts('2026-07-01T08:30:00Z')).toEqual({ date: '2026-07-01', time: '09:30' });
    expect(londonInstant('2026-03-29', '12:00')).toBe('2026-03-29T11:00:00Z');
  });
});
