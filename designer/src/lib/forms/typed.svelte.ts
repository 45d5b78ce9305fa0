/**
 * What a box shows: what was typed, for as long as it still makes the answer the form holds;
 * the answer's own text once the answer changes from outside (a draft loaded, an item removed).
 * Without it, "12.0" would turn into "12" under the cursor and "5" into "05" in a date.
 */
import { sameJson } from '../../../../engine/forms/schema-info.ts';

export class Typed<T> {
  #typed = $state<{ text: T } | undefined>();
  readonly #answer: () => unknown;
  readonly #parse: (typed: T) => unknown;
  readonly #format: (answer: unknown) => T;

  constructor(answer: () => unknown, parse: (typed: T) => unknown, format: (answer: unknown) => T) {
    this.#answer = answer;
    this.#parse = parse;
    this.#format = format;
  }

  readonly current: T = $derived.by(() => {
    const answer = this.#answer();
    return this.#typed && sameJson(this.#parse(this.#typed.text), answer) ? this.#typed.text : this.#format(answer);
  });

  /** Remembers what was typed and returns the answer it makes. */
  type(text: T): unknown {
    this.#typed = { text };
    return this.#parse(text);
  }
}

export const asText = (answer: unknown): string => (answer === undefined || answer === null ? '' : String(answer));
