/**
 * The Camden definition as data: it validates, and it uses the names, sections and next actions
 * that Camden practitioners see in Mosaic, exactly as the protocol and the Mosaic guide spell them.
 */
import { describe, expect, it } from 'vitest';
import { validateDefinition, type UserTaskNode } from '../../engine/index.ts';
import { camden } from './given.ts';

const task = (id: string) => camden.nodes.find((n) => n.id === id) as UserTaskNode;
const action = (node: string, id: string) => task(node).nextActions.find((a) => a.id === id)!;

describe('Given the Camden definition', () => {
  it('Then it validates with no problems', () => {
    expect(validateDefinition(camden)).toEqual([]);
  });

  it('Then every EH duty manager from both documents is a tray, named as practitioners read it ("Ieys Kte Duty Manager" is IEYS Kentish Town East), plus the Families in Focus team', () => {
    const trays = camden.teams.filter((t) => t.kind === 'duty' || t.kind === 'tray').map((t) => t.name);
    expect(trays).toEqual([
      'Early Help front door',
      "IEYS King's Cross and Holborn", 'IEYS Borough Wide Duty Inbox', 'IEYS Euston', 'IEYS Kilburn Priory',
      'Early Help Youth', 'First Stop Early Help', 'IEYS Kentish Town East', 'IEYS Kentish Town West',
      'Transformation Team', 'Early Help CAF', 'FSSW Family Service', 'Complex Families',
    ]);
    expect(camden.teams.find((t) => t.id === 'families_in_focus')).toMatchObject({ name: 'Families in Focus', kind: 'team' });
    expect(JSON.stringify(camden.teams)).not.toMatch(/\bleys\b/);
  });

  it('Then "Step down to Early Help (EH)" can be passed to every duty tray and to Families in Focus, not the front door, and only after the front door’s confirmation', () => {
    for (const node of ['asm_cfa_authorise', 'asmp_cfa_authorise', 'cin_plan_signoff']) {
      const passTo = action(node, 'step_down_to_eh').passTo!;
      expect(passTo.teams).toHaveLength(13);
      expect(passTo.teams).toContain('families_in_focus');
      expect(passTo.teams).not.toContain('eh_front_door');
      expect(action(node, 'progress_to_closure').label).toBe('Progress to early help - Children’s social care case closure');
      expect(task(node).multipleActions).toBe(true);
      expect(action(node, 'step_down_to_eh').guards![0]!.message).toBe('Please do not send the step down to the EH Duty Manager / Team until you have had confirmation from the front door about which team the family will be stepped down to.');
    }
  });

  it('Then the Early help step down referral record (EH) has its Mosaic sections and its three next actions', () => {
    expect(camden.forms.eh_step_down_record!.title).toBe('Early Help Step Down Referral Record (EH)');
    expect(camden.forms.eh_step_down_record!.layout!.sections.map((s) => s.title)).toEqual(['1. Family membership', '2. Reason for step down', '3. Decisions and Actions']);
    expect(task('eh_record').nextActions.map((a) => a.label)).toEqual([
      'Step Down to Early Help - Early Help Assessment required',
      'Step Down to Early Help - Early Help TAF Review required',
      'Step down no longer required',
    ]);
    expect(action('eh_record', 'eh_taf_review_required').scheduledDate).toEqual({ required: true, label: 'Scheduled Date' });
    expect(action('eh_record', 'no_longer_required').passTo).toBeUndefined();
  });

  it('Then the C&F assessment closure fields use the CIN census reasons RC1–RC9 plus Other, with "If Other, please specify"', () => {
    const schema = camden.forms.cfa_step_down!.schema as { properties: Record<string, { title: string; oneOf?: Array<{ const: string }> }> };
    expect(schema.properties.reasonForClosure!.oneOf!.map((o) => o.const)).toEqual(['RC1', 'RC2', 'RC3', 'RC4', 'RC5', 'RC6', 'RC7', 'RC8', 'RC9', 'other']);
    expect(schema.properties.reasonForClosureOther!.title).toBe('If Other, please specify');
    expect(schema.properties.dateOfClosure!.title).toBe('Date of Closure');
    expect(schema.properties.serviceTakingLead!.title).toBe('If case is being stepped down, please specify the service taking the lead');
  });

  it('Then every node names its stage, every deadline reads as the protocol words it, and the choices are noted for admins', () => {
    for (const node of camden.nodes) expect(node.stage, node.id).toBeTruthy();
    for (const node of camden.nodes.filter((n) => n.kind === 'user_task')) if (node.due) expect(node.due.label, node.id).toBeTruthy();
    expect(camden.mailboxes).toEqual([{ id: 'eh_step_down_inbox', name: 'Early Help Step Down inbox', address: 'EHstepdown@camden.gov.uk' }]);
    expect(camden.notes!.filter((n) => n.source === 'Engine gap').length).toBeGreaterThanOrEqual(1);
  });

  it('Then the front door decides once: its screening decision chooses what happens next, and the team it answers is the team passed to', () => {
    for (const node of ['asm_screen', 'cin_screen']) {
      expect(task(node).nextActions.map((a) => [a.id, a.chosenBy, a.guards])).toEqual([
        ['contact_team', { field: 'outcome', values: ['team'] }, undefined],
        ['refer_to_panel', { field: 'outcome', values: ['panel'] }, undefined],
        ['send_advice', { field: 'outcome', values: ['advice'] }, undefined],
      ]);
      expect(action(node, 'contact_team').passTo!.teamFrom).toBe(`form.${node}.ehTeam`);
    }
  });

  it('Then it is version 3, and every step a person does names the roles that may do it (or is signed jointly)', () => {
    expect(camden.version).toBe(3);
    const unnamed = camden.nodes.filter((n) => n.kind === 'user_task' && !n.roles && !n.signatures).map((n) => n.id);
    expect(unnamed).toEqual([]);
    expect(task('asm_offer_consultation').roles).toEqual(['eh_team_manager']);
    expect(task('eh_record').roles).toEqual(['eh_duty_manager', 'eh_team_manager']);
    expect(task('professional_difference').signatures).toEqual({ roles: ['sw_team_manager', 'eh_service_manager'] });
  });

  it('Then at every sign-off the closure and the step down require each other, go to the team recorded, and the author of the sections cannot sign them off', () => {
    for (const [node, maker] of [['asm_cfa_authorise', 'asm_cfa_sections'], ['asmp_cfa_authorise', 'asmp_cfa_sections'], ['cin_plan_signoff', 'cin_childs_plan']] as const) {
      expect(action(node, 'step_down_to_eh').requires).toEqual(['progress_to_closure']);
      expect(action(node, 'progress_to_closure').requires).toEqual(['step_down_to_eh']);
      if (node !== 'cin_plan_signoff') expect(action(node, 'step_down_to_eh').passTo!.teamFrom).toBe(`form.${maker}.serviceTakingLead`);
      expect(task(node).separateFrom).toEqual([maker]);
    }
  });

  it('Then "Step down no longer required" ends only Early Help’s path, and every end that closes the family to CSSW records its census reason', () => {
    const end = (id: string) => camden.nodes.find((n) => n.id === id) as { terminate?: boolean; closureReason?: string };
    expect(end('no_longer_required').terminate).toBeUndefined();
    expect([end('asm_closed'), end('asmp_closed'), end('cin_closed')].map((e) => e.closureReason)).toEqual(['RC9', 'RC9', 'RC7']);
  });
});
