/**
 * Turns a notification's recipients (a worker, a team, a role, a shared mailbox) into e-mail
 * addresses at delivery time, so a message reaches whoever holds the role or sits in the team
 * when it is sent.
 */
import type { Recipient } from '../../engine/index.ts';
import type { Store } from '../store/index.ts';

export async function addressesFor(store: Store, authority: string, recipients: Recipient[]): Promise<string[]> {
  const people = (await store.listUsers(authority)).filter((u) => !u.disabled);
  const addresses = new Set<string>();
  for (const recipient of recipients) {
    if ('mailbox' in recipient) {
      if (recipient.address) addresses.add(recipient.address);
    } else if ('worker' in recipient) {
      const person = people.find((u) => u.id === recipient.worker);
      if (person) addresses.add(person.email);
    } else if ('team' in recipient) {
      for (const u of people) if (u.teams.includes(recipient.team)) addresses.add(u.email);
    } else {
      for (const u of people) if (u.roles.includes(recipient.role)) addresses.add(u.email);
    }
  }
  return [...addresses].sort();
}
