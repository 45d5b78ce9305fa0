import { describe, expect, it } from 'vitest';
import camden from '../../definitions/camden.json' with { type: 'json' };
import type { WorkflowDefinition } from '../schema/definition.types.ts';
import { describeChanges, sentence } from './describe.ts';
import { diffDefinitions } from './diff.ts';

const base = camden as unknown as WorkflowDefinition;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Loose = Record<string, unknown> & { nodes: Json[]; forms: Json; teams: Json[] };
const copy = () => structuredClone(base) as unknown as Loose;
const said = (next: Loose) => describeChanges(base, next as unknown as WorkflowDefinition).map((d) => [d.topic, sentence(d)]);
const screen = (d: Loose) => d.nodes.find((n) => n.id === 'asm_screen')!;

describe('describeChanges: what a new version changes, in plain English', () => {
  it('Given a deadline moved from 2 to 3 working days, Then it says so briefly, and that the wording practitioners read still says 2', () => {
    const next = copy();
    screen(next).due.after.amount = 3;
    expect(said(next)).toEqual([
      ['deadline', 'Screen the step down referral: due within 3 working days (was 2); practitioners still read “within 2 working days”'],
    ]);
    screen(next).due.label = 'within 3 working days';
    expect(said(next)).toEqual([
      ['deadline', 'Screen the step down referral: due within 3 working days (was 2); its wording now reads “within 3 working days” (was “within 2 working days”)'],
    ]);
  });

  it('Given a deadline counted from another date, Then both are given in full, the date by its question', () => {
    const next = copy();
    screen(next).due = { after: { amount: 10, unit: 'working_days' }, from: 'form.referral.assessmentCompletedOn', label: 'within 2 working days' };
    const [[, text]] = said(next) as [[string, string]];
    expect(text).toBe('Screen the step down referral: due within 10 working days of “Date the Child and Family assessment was completed” (was within 2 working days); practitioners still read “within 2 working days”');
  });

  it('Given who does a step and who may act changed, Then they read as people, teams and roles by name', () => {
    const next = copy();
    screen(next).assignee = { role: 'eh_team_manager' };
    screen(next).roles = ['eh_team_manager', 'eh_front_door_manager'];
    expect(said(next)).toEqual([
      ['who', 'Screen the step down referral: now with an Early Help team manager (was the “Early Help front door” team)'],
      ['who', 'Screen the step down referral: only an Early Help team manager or an Early Help front door team manager can do it (was only an Early Help front door team manager can do it)'],
    ]);
  });

  it('Given a question added, one removed, one relabelled with an answer fewer and one made required, Then each is named by its label, not shown as arrays', () => {
    const next = copy();
    const form = next.forms['front_door_screening'];
    form.schema.properties.anythingElse = { type: 'string', title: 'Anything else the team should know?' };
    delete form.schema.properties.panelReason;
    form.schema.properties.outcome.title = 'Decision';
    form.schema.properties.outcome.oneOf.pop();
    form.schema.required = [...form.schema.required, 'anythingElse'];
    const text = said(next).map(([, t]) => t);
    expect(text).toEqual(expect.arrayContaining([
      'Form “Early Help front door screening”: new question “Anything else the team should know?”',
      'Form “Early Help front door screening”: question “Why the family needs discussion at the Early Help Panel” removed',
      'Form “Early Help front door screening”: “Anything else the team should know?” must now be answered',
    ]));
    expect(text.find((t) => t!.includes('“Screening decision”'))).toMatch(/question “Screening decision”: now reads “Decision”; answer “Not suitable for targeted Early Help[^”]*” removed$/);
    expect(text.join('\n')).not.toMatch(/\[|\{|\/forms\//);
  });

  it('Given steps added, removed and renamed and ways out changed, Then each reads as a sentence about the step', () => {
    const next = copy();
    const removed = next.nodes.find((n) => n.id === 'advice_sent')!;
    next.nodes = next.nodes.filter((n) => n !== removed);
    next.nodes.push({ id: 'new_end', kind: 'end', name: 'Closed after advice', outcome: (next['outcomes'] as Array<{ id: string }>)[0]!.id });
    screen(next).name = 'Screen the referral';
    screen(next).nextActions[2].to = 'new_end';
    screen(next).nextActions[1].label = 'Refer to the Early Help Panel';
    expect(said(next)).toEqual([
      ['step', 'Screen the step down referral: renamed “Screen the referral”'],
      ['step', 'Closed after advice: new end, closing with “Stepped down to Early Help”'],
      ['way_out', 'Screen the step down referral: next action “Refer the family to the Early Help Panel”: renamed “Refer to the Early Help Panel”'],
      ['way_out', `Screen the step down referral: next action “Send information, advice and guidance to the social worker”: now leads to “Closed after advice” (was “${removed.name}”)`],
      // The step removed is an e-mail: it is listed with the notifications.
      ['notification', `${removed.name}: e-mail removed`],
    ]);
  });

  it('Given an e-mail’s recipients and subject changed and a closure day added, Then they read as notifications and deadlines', () => {
    const next = copy();
    const mail = next.nodes.find((n) => n.kind === 'notification')!;
    mail.subject = 'A new step down referral';
    (next['calendar'] as { closureDays?: unknown[] }).closureDays = [{ date: '2026-12-24', name: 'Christmas Eve closure' }];
    expect(said(next)).toEqual([
      ['deadline', 'Calendar: closed on 24 December 2026 (Christmas Eve closure), which deadlines now skip'],
      ['notification', expect.stringMatching(new RegExp(`^${mail.name}: subject now reads “A new step down referral” \\(was “.+”\\)$`))],
    ]);
  });

  it('Given the retention rule changed, Then it reads as how long closed cases are kept, before and after', () => {
    const next = copy();
    next['retention'] = { keepFor: { years: 6 }, from: 'closed', then: 'delete' };
    expect(said(next)).toEqual([
      ['other', `Closed cases: kept 6 years after closing, then deleted (was kept until the youngest child's 25th birthday, then anonymised)`],
    ]);
  });

  it('Given a decision’s routes and an e-mail’s recipients changed, Then routes read by label and step, recipients by role and inbox', () => {
    const next = copy();
    const route = next.nodes.find((n) => n.id === 'route_referral')!;
    route.branches[0].label = 'After an assessment';
    route.default = 'asm_screen';
    next.nodes.find((n) => n.id === 'email_step_down_inbox')!.to = [{ mailbox: 'eh_step_down_inbox' }, { role: 'sw_team_manager' }];
    const about = 'Step down after assessment or at the final CIN review?';
    expect(said(next)).toEqual([
      ['way_out', `${about}: routes now: “After an assessment” to “Screen the step down referral”; otherwise to “Screen the step down referral” (was: “After a Child and Family assessment” to “Screen the step down referral”; otherwise to “Screen the step down referral”)`],
      // Camden screens in two places under one name: the ids tell them apart.
      ['way_out', `${about}: otherwise goes to “Screen the step down referral” (asm_screen) (was “Screen the step down referral” (cin_screen))`],
      ['notification', 'E-mail to the Early Help Step Down inbox: now sent to the “Early Help Step Down inbox” and a Social work team manager / ATM (was the “Early Help Step Down inbox”)'],
    ]);
  });

  it('Given many changes at once, Then every change the diff finds is in exactly one description', () => {
    const next = copy();
    screen(next).due.after.amount = 5;
    screen(next).escalations.pop();
    screen(next).nextActions.push({ id: 'extra', label: 'Extra', to: 'panel_invite' });
    next.teams[0]!.name = 'Front door';
    next.forms['front_door_screening'].layout = undefined;
    delete next['notes'];
    const changes = diffDefinitions(base, next as unknown as WorkflowDefinition);
    const descriptions = describeChanges(base, next as unknown as WorkflowDefinition, changes);
    expect(descriptions.flatMap((d) => d.paths).sort()).toEqual(changes.map((c) => c.path).sort());
    expect(descriptions.every((d) => d.text.length > 0 && !d.text.includes('undefined'))).toBe(true);
  });

  it('Given the same definition, Then there is nothing to describe', () => {
    expect(describeChanges(base, structuredClone(base))).toEqual([]);
  });
});
