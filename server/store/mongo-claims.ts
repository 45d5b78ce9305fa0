/**
 * How the MongoDB store claims due timers and outbox messages, as parts unit-tested without a
 * server (mongo-claims.test.ts): picking each case's earliest due timer past the ones that are
 * not, and the rounds that keep claiming when another process took some candidates first.
 */

/**
 * Up to `room` candidates from `due` (free, due timers, earliest first) that are their case's
 * earliest pending timer (`isEarliest`, one indexed look-up per case), reading on past the ones
 * that are not — later timers of cases whose earliest is leased — however many sort first, so a
 * tick never claims nothing while a case has a free earliest due timer (the old window of
 * `limit × 4` candidates could be filled by those). The cost is what it skips, not every due
 * timer: a catch-up after downtime reads about `room` timers per claim.
 */
export async function pickEarliest<T extends { _id: string; caseId: string }>(due: AsyncIterable<T>, isEarliest: (candidate: T) => Promise<boolean>, room: number): Promise<T[]> {
  const picked: T[] = [];
  const seen = new Set<string>();
  if (room <= 0) return picked;
  for await (const candidate of due) {
    if (seen.has(candidate.caseId)) continue;
    seen.add(candidate.caseId);
    if (!(await isEarliest(candidate))) continue;
    picked.push(candidate);
    if (picked.length >= room) break; // Leaving the loop closes the cursor.
  }
  return picked;
}

/** Rounds of finding candidates after one lost some to another claimer. */
export const CLAIM_ROUNDS = 4;

/**
 * Claims up to `limit`: finds candidates for the room left, claims each with a conditional
 * update (`claim` answers null when another process got there first), and looks again while some
 * were lost and there is room, so two claimers racing share the work instead of one claiming
 * less than is free. Each candidate is claimed at most once, by whichever update matched.
 */
export async function claimInRounds<C, R>(limit: number, find: (room: number) => Promise<C[]>, claim: (candidate: C) => Promise<R | null>, rounds = CLAIM_ROUNDS): Promise<R[]> {
  const claimed: R[] = [];
  for (let round = 0; round < rounds && claimed.length < limit; round++) {
    const candidates = await find(limit - claimed.length);
    let lost = 0;
    for (const candidate of candidates) {
      const got = await claim(candidate);
      if (got === null) lost += 1;
      else claimed.push(got);
    }
    if (lost === 0) break;
  }
  return claimed;
}
