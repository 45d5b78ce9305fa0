/** What every control of one rendered form shares, passed down as a prop (no hidden context). */
import type { FieldIssue } from './errors.ts';

export interface RenderContext {
  /** Prefix of every element id, so two forms can share a page (the designer's preview). */
  idPrefix: string;
  /** Errors by JSON pointer. */
  issues: ReadonlyMap<string, FieldIssue>;
  /** Pointers of answers copied over from earlier steps. */
  prefilled: ReadonlySet<string>;
}

/** `aria-describedby` in GOV.UK order: hint, then our "prefilled" note, then the error. */
export function describedBy(id: string, has: { hint?: unknown; prefilled?: boolean; issue?: unknown; extra?: string }): string | undefined {
  const ids = [has.hint ? `${id}-hint` : '', has.prefilled ? `${id}-prefilled` : '', has.issue ? `${id}-error` : '', has.extra ?? ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}
