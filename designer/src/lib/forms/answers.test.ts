import { describe, expect, it } from 'vitest';
import { assessmentForm, validAnswers } from '../../../../engine/forms/test-fixtures.ts';
import { answerSections, characterCount } from './answers.ts';
import { buildFormModel } from './model.ts';

describe('character count', () => {
  it('counts down, then over, in GOV.UK words', () => {
    expect(characterCount(10, 'abc')).toEqual({ text: 'You have 7 characters remaining', over: false });
    expect(characterCount(3, 'abc')).toEqual({ text: 'You have 0 characters remaining', over: false });
    expect(characterCount(2, 'abc')).toEqual({ text: 'You have 1 character too many', over: true });
    expect(characterCount(1, '👍')).toEqual({ text: 'You have 0 characters remaining', over: false });
  });
});

describe('answers for the read-only view', () => {
  it('reads options, dates, yes/no and repeats as people would, and leaves out hidden questions', () => {
    const sections = answerSections(buildFormModel(assessmentForm()), { ...validAnswers(), reasonOther: 'hidden' });
    expect(sections[0]!.rows).toMatchObject([
      { key: 'Reason for closure', value: 'RC8 Case closed after assessment, no further action' },
      { key: 'Date of closure', value: '2 March 2026' },
    ]);
    expect(sections[1]!.rows[0]).toMatchObject({
      key: 'Children', value: '',
      items: [{ label: 'Child 1', rows: [{ key: 'Date of birth', value: '14 May 2016' }, { key: 'Full name', value: 'Amira Hassan' }] }],
    });
    expect(sections[2]!.rows.slice(2)).toMatchObject([
      { key: 'Factors identified', value: ['Alcohol misuse: child', 'Domestic abuse: child'] },
      { key: 'Provisional visit dates', value: ['9 March 2026', '16 March 2026', '23 March 2026'] },
    ]);
    expect(sections[3]!.rows).toMatchObject([{ key: 'Consent recorded', value: 'Yes' }]);
  });

  it('says when a question was not answered', () => {
    const sections = answerSections(buildFormModel(assessmentForm()), {});
    expect(sections[1]!.rows[0]).toMatchObject({ value: 'Not answered', items: [] });
    expect(sections[2]!.rows[0]).toMatchObject({ key: 'Service taking the lead', value: 'Not answered' });
  });
});
