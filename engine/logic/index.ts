export { Budget, BudgetSpent } from './budget.ts';
export { checkRule } from './check.ts';
export { LogicError } from './errors.ts';
export { evaluate, truthy } from './rules.ts';
export {
  ALLOWED_OPERATORS, MAX_DEPTH, MAX_NODES, MAX_STEPS, MAX_STEPS_TOGETHER, type JsonLogic, type LogicProblemCode,
} from './shape.ts';
export { varsRead } from './vars.ts';
