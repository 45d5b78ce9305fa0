/** Shared by the runtime tests. Imported by tests only. */
import { Refusal } from '../problems.ts';

/** The refusal `fn` throws; fails the test when it throws anything else, or nothing. */
export function refusal(fn: () => unknown): Refusal {
  try {
    fn();
  } catch (error) {
    if (error instanceof Refusal) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}
