/**
 * The decision rule builder's model and its JSONLogic, both ways. An admin picks a field, an
 * operator and a value per condition, and whether all or any must hold; underneath that is plain
 * JSONLogic (`and`/`or` of comparisons on `var`), which experts may edit by hand. A rule the
 * builder cannot show as rows (`fromLogic` gives null) stays in the raw view, untouched.
 */
export type Operator = '==' | '!=' | '<' | '>' | 'in' | 'true' | 'false';
export type Combine = 'all' | 'any';

export interface Condition {
  /** A data path: `form.<node>.<field>`, `case.childCount`... */
  field: string;
  op: Operator;
  /** A literal; for `in`, a list; ignored for `true`/`false`. */
  value: unknown;
}

export interface RuleModel {
  combine: Combine;
  conditions: Condition[];
}

export const OPERATORS: ReadonlyArray<{ op: Operator; label: string }> = [
  { op: '==', label: 'is' },
  { op: '!=', label: 'is not' },
  { op: '<', label: 'is less than' },
  { op: '>', label: 'is more than' },
  { op: 'in', label: 'is one of' },
  { op: 'true', label: 'is yes (true)' },
  { op: 'false', label: 'is no (false)' },
];

type Logic = unknown;
const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isLiteral = (x: unknown) => x === null || ['string', 'number', 'boolean'].includes(typeof x);

function conditionLogic(c: Condition): Logic {
  const v = { var: c.field };
  switch (c.op) {
    case 'true':
      return { '==': [v, true] };
    case 'false':
      return { '==': [v, false] };
    case 'in':
      return { in: [v, Array.isArray(c.value) ? c.value : [c.value]] };
    default:
      return { [c.op]: [v, c.value] };
  }
}

/** The rule as JSONLogic; undefined when there is no condition yet (the branch has no rule). */
export function toLogic(model: RuleModel): Logic | undefined {
  const parts = model.conditions.map(conditionLogic);
  if (parts.length === 0) return undefined;
  if (parts.length === 1) return parts[0];
  return { [model.combine === 'all' ? 'and' : 'or']: parts };
}

function conditionOf(logic: Logic): Condition | null {
  if (!isObj(logic)) return null;
  const keys = Object.keys(logic);
  if (keys.length !== 1) return null;
  const op = keys[0]!;
  const args = logic[op];
  if (!Array.isArray(args) || args.length !== 2) return null;
  const [left, right] = args as [unknown, unknown];
  if (!isObj(left) || Object.keys(left).length !== 1 || typeof left['var'] !== 'string') return null;
  const field = left['var'];
  if (op === 'in') return Array.isArray(right) && right.every(isLiteral) ? { field, op: 'in', value: right } : null;
  if (!['==', '!=', '<', '>'].includes(op) || !isLiteral(right)) return null;
  if (op === '==' && right === true) return { field, op: 'true', value: true };
  if (op === '==' && right === false) return { field, op: 'false', value: false };
  return { field, op: op as Operator, value: right };
}

/** The builder's rows for a rule, or null when the rule is more than the builder can show. */
export function fromLogic(logic: Logic): RuleModel | null {
  if (logic === undefined) return { combine: 'all', conditions: [] };
  if (isObj(logic) && Object.keys(logic).length === 1 && (Array.isArray(logic['and']) || Array.isArray(logic['or']))) {
    const combine: Combine = 'and' in logic ? 'all' : 'any';
    const list = (logic['and'] ?? logic['or']) as unknown[];
    if (list.length < 2) return null;
    const conditions = list.map(conditionOf);
    return conditions.every((c): c is Condition => c !== null) ? { combine, conditions } : null;
  }
  const one = conditionOf(logic);
  return one ? { combine: 'all', conditions: [one] } : null;
}

/**
 * A typed value from what was typed in the value box, by the field's type: numbers as numbers,
 * "true"/"false" for yes/no fields, a comma-separated list for "is one of".
 */
export function parseValue(text: string, op: Operator, type: string | undefined): unknown {
  if (op === 'true') return true;
  if (op === 'false') return false;
  const one = (t: string): unknown => {
    const s = t.trim();
    if ((type === 'number' || type === 'integer') && s !== '' && Number.isFinite(Number(s))) return Number(s);
    if (type === 'boolean' && (s === 'true' || s === 'false')) return s === 'true';
    return s;
  };
  return op === 'in' ? text.split(',').map(one).filter((v) => v !== '') : one(text);
}

/** The value as the value box shows it. */
export function valueText(value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => String(v)).join(', ');
  return value === undefined || value === null ? '' : String(value);
}

/** How a rule reads in words, for the map's branch labels and the summary. */
export function describeRule(model: RuleModel, labelOf: (path: string) => string): string {
  const words = model.conditions.map((c) => {
    const op = OPERATORS.find((o) => o.op === c.op)!.label;
    return c.op === 'true' || c.op === 'false' ? `${labelOf(c.field)} ${op}` : `${labelOf(c.field)} ${op} ${valueText(c.value)}`;
  });
  return words.join(model.combine === 'all' ? ' and ' : ' or ');
}
