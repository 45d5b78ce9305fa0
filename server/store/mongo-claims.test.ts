/** How the MongoDB store claims timers and outbox messages, without a server: picking each case's earliest due timer, and the claim rounds. */
import { describe, expect, it } from 'vitest';
import { CLAIM_ROUNDS, claimInRounds, pickEarliest } from './mongo-claims.ts';

describe('picking each case’s earliest due timer', () => {
  type Timer = { _id: string; caseId: string };
  async function* cursor(timers: Timer[], read: Timer[]) {
    for (const timer of timers) {
      read.push(timer);
      yield timer;
    }
  }

  it('Given 50 cases whose earliest timer is leased and whose later due timers sort first, Then it reads past them all to a case it may fire', async () => {
    // Free, due timers in fireAt order: each busy case's m2 (its m1 is leased, so not here), then free.m1.
    const due: Timer[] = [...Array.from({ length: 50 }, (_, i) => ({ _id: `busy${i}.m2`, caseId: `busy${i}` })), { _id: 'free.m1', caseId: 'free' }];
    const earliest = new Set(['free.m1']);
    const looked: string[] = [];
    const read: Timer[] = [];
    const picked = await pickEarliest(cursor(due, read), async (t) => (looked.push(t.caseId), earliest.has(t._id)), 1);
    expect(picked.map((t) => t._id)).toEqual(['free.m1']);
    expect(looked).toHaveLength(51);
  });

  it('looks each case up once, takes only its earliest, and stops reading once the room is filled', async () => {
    const due: Timer[] = [{ _id: 'a.m1', caseId: 'a' }, { _id: 'a.m2', caseId: 'a' }, { _id: 'b.m1', caseId: 'b' }, { _id: 'c.m1', caseId: 'c' }, { _id: 'd.m1', caseId: 'd' }];
    const looked: string[] = [];
    const read: Timer[] = [];
    const picked = await pickEarliest(cursor(due, read), async (t) => (looked.push(t._id), t._id.endsWith('.m1')), 2);
    expect(picked.map((t) => t._id)).toEqual(['a.m1', 'b.m1']);
    expect(looked).toEqual(['a.m1', 'b.m1']);
    expect(read.map((t) => t._id)).toEqual(['a.m1', 'a.m2', 'b.m1']);
    expect(await pickEarliest(cursor(due, []), async () => true, 0)).toEqual([]);
  });
});

describe('claiming in rounds', () => {
  /** A queue of ids in order, some taken by another claimer between the find and the claim. */
  function queue(ids: string[], takenByOther: Set<string>) {
    const leased = new Set<string>();
    const finds: number[] = [];
    return {
      finds,
      find: async (room: number) => ((finds.push(room)), ids.filter((id) => !leased.has(id) && !takenByOther.has(id)).slice(0, room)),
      // Candidates found before the other claimer's leases were visible.
      findStale: async (room: number) => ((finds.push(room)), ids.filter((id) => !leased.has(id)).slice(0, room)),
      claim: async (id: string) => {
        if (leased.has(id) || takenByOther.has(id)) return (leased.add(id), null);
        leased.add(id);
        return id;
      },
    };
  }

  it('Given another claimer took some candidates first, Then it looks again and fills the room with free ones', async () => {
    const q = queue(['a', 'b', 'c', 'd', 'e'], new Set(['a', 'b']));
    expect(await claimInRounds(3, q.findStale, q.claim)).toEqual(['c', 'd', 'e']);
    expect(q.finds).toEqual([3, 2]);
  });

  it('stops after one round when nothing was lost, and after its rounds however many are lost', async () => {
    const q = queue(['a', 'b'], new Set());
    expect(await claimInRounds(5, q.find, q.claim)).toEqual(['a', 'b']);
    expect(q.finds).toEqual([5]);
    let finds = 0;
    expect(await claimInRounds(5, async () => ((finds += 1), ['x']), async () => null)).toEqual([]);
    expect(finds).toBe(CLAIM_ROUNDS);
  });
});
