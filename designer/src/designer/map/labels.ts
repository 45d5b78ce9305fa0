/**
 * Words for the map and the outline. A step's short label is what fits a node when the map is
 * zoomed out and its type is made large enough to read: the name up to its first clause, without
 * the little words, cut at a word with an ellipsis. The full name is always in the node's
 * accessible name and its tooltip, and shown in full once the admin zooms in.
 */
import type { Arrow } from '../graph.ts';

// Where a name's first clause ends: punctuation, a dash between spaces, or "and".
const CLAUSE = /\s+and\s+|[,;:?(–—]\s*|\s-\s/i;
const SMALL = new Set(['the', 'a', 'an']);
/** Words a cut label should not end on ("Invite social worker to…"). */
const DANGLING = new Set(['to', 'with', 'on', 'at', 'after', 'of', 'for', 'in', 'by', 'from', 'and', 'or']);

export function shortLabel(name: string, max = 24): string {
  const full = name.trim().replace(/\s+/g, ' ');
  if (full.length <= max) return full;
  const clause = full.split(CLAUSE)[0]!.trim();
  const words = (clause.length >= 10 ? clause : full).split(' ').filter((w, i) => i === 0 || !SMALL.has(w.toLowerCase()));
  const kept: string[] = [];
  for (const w of words) {
    if ([...kept, w].join(' ').length > max - 1) break;
    kept.push(w);
  }
  while (kept.length > 1 && DANGLING.has(kept[kept.length - 1]!.toLowerCase())) kept.pop();
  const out = kept.length > 0 ? kept.join(' ') : words[0]!.slice(0, max - 1);
  return out.length < full.length && out !== clause ? `${out}…` : out;
}

/** An arrow as a person would say it, by the steps' names: "Arrow from Screening to Team allocation: Team". */
export function arrowName(arrow: Arrow, names: Map<string, string>): string {
  return `Arrow from ${names.get(arrow.from) ?? arrow.from} to ${names.get(arrow.to) ?? arrow.to}${arrow.label ? `: ${arrow.label}` : ''}`;
}
