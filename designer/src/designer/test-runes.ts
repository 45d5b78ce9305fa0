/**
 * For unit tests only: vitest here runs without the Svelte compiler, so a `.svelte.ts` class's
 * runes are plain calls. As identities they make `$state` fields ordinary fields, which is all a
 * test of the class's logic needs (reactivity is Svelte's, and the browser test covers it).
 * Classes that are tested this way use getters rather than `$derived`.
 */
const identity = <T>(value: T): T => value;
const g = globalThis as Record<string, unknown>;
g['$state'] = Object.assign(identity, { raw: identity, snapshot: <T>(v: T): T => structuredClone(v) });
g['$derived'] = identity;
