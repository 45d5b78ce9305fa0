import { describe, expect, it } from 'vitest';
import type { Form } from '../schema/definition.types.ts';
import { answerSections, longDate } from './answer-rows.ts';

const form = {
  title: 'Screening',
  schema: {
    type: 'object',
    properties: {
      outcome: { type: 'string', oneOf: [{ const: 'team', title: 'Allocate to a team' }, { const: 'other', title: 'Something else' }] },
      otherDetail: { type: 'string', title: 'What else' },
      urgent: { type: 'boolean', title: 'Urgent?' },
      seenAt: { type: 'string', format: 'date-time', title: 'Seen' },
      visits: { type: 'array', items: { type: 'string', format: 'date' } },
      members: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, role: { type: 'string' } } } },
      note: { type: 'string' },
    },
  },
  layout: {
    sections: [
      { id: 'a', title: 'Decision', fields: [{ field: 'outcome', label: 'Outcome' }, { field: 'otherDetail', revealedBy: { field: 'outcome', values: ['other'] } }, { field: 'urgent' }] },
      { id: 'b', title: 'People', fields: [{ field: 'members', widget: 'repeat', itemLabel: 'Family member' }] },
    ],
  },
} as unknown as Form;

describe('answerSections', () => {
  it('Given recorded answers, Then rows read as people read them: option titles, Yes/No, long dates, hidden reveals left out, unplaced questions last', () => {
    const sections = answerSections(form, {
      outcome: 'team', otherDetail: 'stale', urgent: false, seenAt: '2026-12-06T23:30:00Z', visits: ['2026-12-07'],
      members: [{ name: 'Ada', role: 'Mother' }],
    });
    expect(sections).toEqual([
      { title: 'Decision', rows: [{ label: 'Outcome', value: 'Allocate to a team' }, { label: 'Urgent?', value: 'No' }] },
      { title: 'People', rows: [{ label: 'Members', value: '', items: [{ label: 'Family member 1', rows: [{ label: 'Name', value: 'Ada' }, { label: 'Role', value: 'Mother' }] }] }] },
      { title: null, rows: [{ label: 'Seen', value: '6 December 2026' }, { label: 'Visits', value: ['7 December 2026'] }, { label: 'Note', value: 'Not answered' }] },
    ]);
  });

  it('Given a revealing answer, Then the revealed question shows', () => {
    expect(answerSections(form, { outcome: 'other', otherDetail: 'Parenting hub' })[0]!.rows[1]).toEqual({ label: 'What else', value: 'Parenting hub' });
  });

  it('longDate leaves anything that is not a date alone', () => {
    expect([longDate('2027-01-04'), longDate('soon'), longDate('2027-13-01')]).toEqual(['4 January 2027', 'soon', '2027-13-01']);
  });
});
