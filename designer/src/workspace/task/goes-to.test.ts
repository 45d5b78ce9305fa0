import { describe, expect, it } from 'vitest';
import { whatHappens } from './goes-to.ts';

describe('what a next action does, in plain words', () => {
  it('Given an e-mail to an inbox, Then it says it sends the e-mail there', () => {
    expect(whatHappens({ kind: 'notification', name: 'E-mail to the Early Help Step Down inbox' })).toBe('Sends an e-mail to the Early Help Step Down inbox');
    expect(whatHappens({ kind: 'notification', name: 'Referral to the front door' })).toBe('Sends an e-mail: Referral to the front door');
  });

  it('Given a task, an end, a timer or a linked case, Then it names it', () => {
    expect(whatHappens({ kind: 'user_task', name: 'Screen the step down referral' })).toBe('Next: Screen the step down referral');
    expect(whatHappens({ kind: 'end', name: 'Family did not agree to a referral' })).toBe('Closes the case: Family did not agree to a referral');
    expect(whatHappens({ kind: 'timer', name: 'Wait for the panel' })).toBe('Then waits: Wait for the panel');
    expect(whatHappens({ kind: 'subflow', name: 'Early Help assessment' })).toBe('Starts a linked case: Early Help assessment');
  });

  it('Given an engine step (a decision or a join), Then it says nothing; a split says several steps start', () => {
    expect(whatHappens({ kind: 'decision', name: 'Family agreed?' })).toBeNull();
    expect(whatHappens({ kind: 'join', name: 'All done' })).toBeNull();
    expect(whatHappens({ kind: 'parallel', name: 'Split' })).toBe('Then several steps start at once');
  });
});
