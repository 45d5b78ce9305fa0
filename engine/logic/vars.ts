/**
 * The data paths a rule reads in top-level scope, for the lint "condition reads a field no
 * earlier form defines". Inside map/filter/reduce/all/none/some the second argument runs once
 * per item with the item as data, so its `var`s are not case-data paths and are skipped.
 */
import { MAX_DEPTH, MAX_NODES, SCOPED_OPERATORS, argList, isLiteralPath, operatorOf } from './shape.ts';

interface Frame {
  node: unknown;
  /** True when `node` sits where a field path belongs (`var`, `missing`, `missing_some`). */
  isPath: boolean;
  depth: number;
}

/** Paths read by `var`, `missing` and `missing_some` outside item scopes: deduplicated, first-seen order. */
export function varsRead(rule: unknown): string[] {
  const seen = new Set<string>();
  const stack: Frame[] = [{ node: rule, isPath: false, depth: 0 }];
  let visited = 0;
  for (let frame = stack.pop(); frame !== undefined && visited <= MAX_NODES; frame = stack.pop()) {
    visited += 1;
    const { node, isPath, depth } = frame;
    if (isPath && isLiteralPath(node)) {
      if (node !== '') seen.add(String(node));
    } else if (depth <= 2 * MAX_DEPTH) {
      const children = childrenOf(node);
      for (let i = Math.min(children.length, MAX_NODES) - 1; i >= 0; i -= 1) {
        const child = children[i];
        if (child !== undefined) stack.push({ ...child, depth: depth + 1 });
      }
    }
  }
  return [...seen];
}

type Child = Omit<Frame, 'depth'>;

function childrenOf(node: unknown): Child[] {
  if (Array.isArray(node)) return take(node, false);
  const operator = operatorOf(node);
  if (operator === undefined) return [];
  const { op } = operator;
  const list = argList(operator.args);
  switch (op) {
    case 'var':
      return take(list, false).map((child, i) => ({ ...child, isPath: i === 0 }));
    case 'missing':
      return take(list.length === 1 && Array.isArray(list[0]) ? list[0] : list, true);
    case 'missing_some': {
      const options = list[1];
      const keys = Array.isArray(options) ? take(options, true) : [{ node: options, isPath: false }];
      return [{ node: list[0], isPath: false }, ...keys];
    }
    default:
      return take(list, false).filter((_, i) => !(SCOPED_OPERATORS.has(op) && i === 1));
  }
}

/** At most MAX_NODES entries of `list`, holes included (as `undefined`). */
function take(list: readonly unknown[], isPath: boolean): Child[] {
  return Array.from({ length: Math.min(list.length, MAX_NODES + 1) }, (_, i) => ({ node: list[i], isPath }));
}
