export { checkRule } from './check.ts';
export { LogicError } from './errors.ts';
export { evaluate, truthy } from './rules.ts';
export {
  ALLOWED_OPERATORS, MAX_DEPTH, MAX_NODES, MAX_STEPS, type JsonLogic, type LogicProblemCode,
} from './shape.ts';
export { varsRead } from './vars.ts';
