import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../engine/index.ts';
import type { SubjectAccessBundle } from './bundle.ts';
import { redact } from './redact.ts';
import { asksForAName, type ThirdParty } from './third-parties.ts';

const definition = (id: string) => JSON.parse(readFileSync(new URL(`../../definitions/${id}.json`, import.meta.url), 'utf8')) as WorkflowDefinition;

/** Every question of the definition's forms that asks for a professional by name, as form/path. */
function nameQuestions(d: WorkflowDefinition): string[] {
  const out: string[] = [];
  const walk = (schema: Record<string, unknown>, path: string) => {
    for (const [key, sub] of Object.entries((schema['properties'] ?? {}) as Record<string, Record<string, unknown>>)) {
      if (asksForAName(key, sub)) out.push(`${path}/${key}`);
      walk(sub, `${path}/${key}`);
      if (sub['items']) walk(sub['items'] as Record<string, unknown>, `${path}/${key}[]`);
    }
  };
  for (const [id, form] of Object.entries(d.forms)) walk(form!.schema as Record<string, unknown>, id);
  return out;
}

describe('Which answers name a professional', () => {
  it('Given the four published protocols, Then the short text questions asking for a worker, manager or professional by name, and none that ask for comments, reasons, dates, teams or agencies', () => {
    expect(nameQuestions(definition('camden'))).toEqual([
      'consultation/familyWorkerName', 'allocation_discussion/managers', 'joint_visit/familyWorkerName', 'final_cin_review/ehWorkerName', 'chairs_report/ehWorkerName', 'professional_difference/managers',
    ]);
    expect(nameQuestions(definition('caf-ehm'))).toEqual([
      'step_down_decision/teamManager', 'share_proposal/partnerViews[]/professional', 'partner_disagreement/partnerViews[]/professional',
      'identify_lp/lpName', 'clw_lp_challenge/lpName', 'transforming_lives_panel/lpName', 'final_cin_meeting/lpName', 'caf_transfer/lpName',
    ]);
    expect(nameQuestions(definition('clinic'))).toEqual([
      'clinic_booking/socialWorkerName', 'case_discussion/allocatedSocialWorker', 'case_discussion/socialWorkTeamManager', 'case_discussion/earlyHelpTeamManager',
      'case_discussion/identifiedFamilyWorker', 'transfer_form/identifiedFamilyWorker', 'allocation/identifiedFamilyWorker', 'joint_visit/socialWorker',
      'joint_visit/earlyHelpFamilyWorker', 'dispute_review/operationalManagerEarlyHelp', 'dispute_review/operationalManagerMash',
    ]);
    // Graft's Lead Professional is chosen from a list of roles, not named.
    expect(nameQuestions(definition('graft-lcs'))).toEqual([]);
  });
});

describe('Redaction', () => {
  const found: ThirdParty[] = [
    { id: 'staff:kate', name: 'Kate Osei', kind: 'staff', also: ['kate.osei@camden.example'] },
    { id: 'named:a', name: 'Jo Bloggs', kind: 'named_in_answers', also: [] },
    { id: 'named:b', name: 'Jo Bloggs-Smith', kind: 'named_in_answers', also: [] },
  ];
  const bundle = {
    format: 'stepwise-subject-access',
    version: 1,
    timeline: [{ text: 'Offer: with KATE  OSEI', who: 'Kate Osei' }],
    emails: [{ to: ['Kate Osei'], body: 'Write to kate.osei@camden.example. Jo Bloggs-Smith and Jo Bloggs will visit; Jo Bloggsworth will not; Katerina Osei is someone else.' }],
    redaction: { found: 0, redacted: 0, labels: [] },
  } as unknown as SubjectAccessBundle;

  it('When every name is chosen, Then each whole name, in any case and spacing, and a staff e-mail address, becomes its label everywhere, and longer names are not cut by shorter ones', () => {
    const out = redact(bundle, found, new Set(found.map((p) => p.id))) as unknown as typeof bundle & { timeline: Array<{ text: string; who: string }>; emails: Array<{ to: string[]; body: string }> };
    expect(out.timeline).toEqual([{ text: 'Offer: with [Third party 1]', who: '[Third party 1]' }]);
    expect(out.emails[0]).toEqual({ to: ['[Third party 1]'], body: 'Write to [Third party 1]. [Third party 3] and [Third party 2] will visit; Jo Bloggsworth will not; Katerina Osei is someone else.' });
    expect(out.redaction).toEqual({ found: 3, redacted: 3, labels: ['[Third party 1]', '[Third party 2]', '[Third party 3]'] });
  });

  it('When only some are chosen, Then only those are replaced, with the labels of their places in the list', () => {
    const out = redact(bundle, found, new Set(['named:a'])) as unknown as { emails: Array<{ body: string }>; redaction: unknown };
    expect(out.emails[0]!.body).toBe('Write to kate.osei@camden.example. Jo Bloggs-Smith and [Third party 2] will visit; Jo Bloggsworth will not; Katerina Osei is someone else.');
    expect(out.redaction).toEqual({ found: 3, redacted: 1, labels: ['[Third party 2]'] });
  });
});
