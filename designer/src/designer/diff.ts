/**
 * The words of the diff and check-your-changes pages: the server describes each change in plain
 * English (engine/definition/describe.ts); here they are grouped under the engine's topic
 * headings (deadlines, who does what, questions...) and counted for a summary line.
 */
import { CHANGE_TOPICS, sentence } from '../../../engine/definition/describe.ts';
import type { ChangeDescription, ChangeTopic } from '../lib/api-types.ts';

export { sentence };

export function groupDescriptions(described: readonly ChangeDescription[]): Array<{ id: ChangeTopic; title: string; items: ChangeDescription[] }> {
  return CHANGE_TOPICS.map((t) => ({ ...t, items: described.filter((d) => d.topic === t.id) })).filter((g) => g.items.length > 0);
}

/** "3 changes: 2 to deadlines and 1 to questions". */
export function countLine(described: readonly ChangeDescription[]): string {
  if (described.length === 0) return 'No changes.';
  const groups = groupDescriptions(described).map((g) => `${g.items.length} to ${g.title.toLowerCase()}`);
  const all = `${described.length} change${described.length === 1 ? '' : 's'}`;
  return groups.length === 1 ? `${all}, to ${groups[0]!.replace(/^\d+ to /, '')}.` : `${all}: ${groups.slice(0, -1).join(', ')} and ${groups.at(-1)}.`;
}
