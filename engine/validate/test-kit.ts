/**
 * Shared by the `validateDefinition` tests (graph, reference, data and schema rules, and the
 * whole): the every-node fixture, a fresh clone to break, pointers to its nodes, typed and loose
 * handles on a node, and the assertions on the problems a broken clone has. Imported by tests only.
 */
import { expect } from 'vitest';
import fixture from '../../test/fixtures/every-node.json' with { type: 'json' };
import type { Node, WorkflowDefinition } from '../schema/definition.types.ts';
import { validateDefinition } from './validate-definition.ts';

export const FIXTURE = fixture as unknown as WorkflowDefinition;

/** A deep clone of the fixture, to break one thing in. */
export const fresh = (): WorkflowDefinition => structuredClone(FIXTURE);

/** Pointer of fixture node `id`; a node appended to the fixture is at `/nodes/${FIXTURE.nodes.length}`. */
export const at = (id: string): string => {
  const i = FIXTURE.nodes.findIndex((n) => n.id === id);
  if (i < 0) throw new Error(`the fixture has no node "${id}"`);
  return `/nodes/${i}`;
};

/** The node `id` of `definition`, which must be of `kind`. */
export function nodeOf<K extends Node['kind']>(definition: WorkflowDefinition, id: string, kind: K): Extract<Node, { kind: K }> {
  const node = definition.nodes.find((n) => n.id === id);
  if (node?.kind !== kind) throw new Error(`the fixture has no ${kind} "${id}"`);
  return node as Extract<Node, { kind: K }>;
}

/** The node `id` as a plain record, for breaking it in ways its type forbids. */
export function looseNode(definition: WorkflowDefinition, id: string): Record<string, unknown> {
  const node = definition.nodes.find((n: Node) => n.id === id);
  if (!node) throw new Error(`the fixture has no node "${id}"`);
  return node as unknown as Record<string, unknown>;
}

export const loose = (value: object): Record<string, unknown> => value as Record<string, unknown>;

/** `definition` has exactly one problem, `code` at `path`, a sentence naming each of `mentions` in quotes. */
export function expectOnly(definition: unknown, code: string, path: string, ...mentions: string[]): string {
  const problems = validateDefinition(definition);
  expect(problems.map((p) => ({ code: p.code, path: p.path }))).toEqual([{ code, path }]);
  const message = problems[0]!.message;
  expect(message).toMatch(/^["A-Z].*\.$/);
  for (const mention of mentions) expect(message).toContain(`"${mention}"`);
  return message;
}

export interface Expected {
  code: string;
  path: string;
  /** Each must appear in the message, in double quotes. */
  mentions?: string[];
}

/** `definition` has exactly these problems, in this order, each message a sentence naming its mentions. */
export function expectProblems(definition: unknown, ...expected: Expected[]): void {
  const problems = validateDefinition(definition);
  expect(problems.map(({ code, path }) => ({ code, path }))).toEqual(expected.map(({ code, path }) => ({ code, path })));
  problems.forEach(({ message }, i) => {
    expect(message).toMatch(/^["A-Z].*\.$/);
    for (const mention of expected[i]?.mentions ?? []) expect(message).toContain(`"${mention}"`);
  });
}
