/**
 * `validateDefinition` returns every problem with a definition and never throws: first the JSON
 * Schema (the format), then — once the shape is right — the semantic lint. Lint needs a
 * well-formed definition to reason about, so a definition with schema errors reports only those.
 */
import { createAjv, type ValidateFunction } from '../schema/ajv.ts';
import definitionSchema from '../schema/definition.schema.json' with { type: 'json' };
import type { WorkflowDefinition } from '../schema/definition.types.ts';
import { graphOf } from '../definition/graph.ts';
import { checkForm } from '../forms/index.ts';
import type { Problem } from '../problems.ts';
import { withCauses } from './causes.ts';
import { choiceProblems } from './choice-rules.ts';
import { conditionSizeProblems } from './condition-size-rules.ts';
import { dataProblems } from './data-rules.ts';
import { graphProblems } from './graph-rules.ts';
import { patternProblems } from './pattern-rules.ts';
import { referenceProblems } from './reference-rules.ts';
import { schemaProblems } from './schema-problems.ts';
import { typeProblems } from './type-rules.ts';
import { wordingProblems } from './wording-rules.ts';

let validator: ValidateFunction | undefined;

function schemaValidator(): ValidateFunction {
  validator ??= createAjv().compile(definitionSchema);
  return validator;
}

export function validateDefinition(definition: unknown): Problem[] {
  try {
    return problemsOf(definition);
  } catch (e) {
    // Ajv validates recursive parts (assignee fallbacks, layout fields) by recursion, so a few
    // thousand levels of nesting overflow the stack. That is a problem with the input, not a crash.
    if (!(e instanceof RangeError)) throw e;
    return [{ code: 'definition_too_deep', path: '', message: `The definition is nested too deeply to check (${e.message}).` }];
  }
}

function problemsOf(definition: unknown): Problem[] {
  const validate = schemaValidator();
  if (!validate(definition)) return schemaProblems(validate.errors ?? [], definition);
  const typed = definition as WorkflowDefinition;
  const formProblems = Object.entries(typed.forms).flatMap(([id, form]) =>
    form ? checkForm(form, `/forms/${id.replace(/~/g, '~0').replace(/\//g, '~1')}`) : [],
  );
  // A malformed form schema would make the field checks below misleading; report it alone first.
  const graph = graphOf(typed);
  const problems = [
    ...formProblems,
    ...patternProblems(typed),
    ...graphProblems(typed, graph),
    ...referenceProblems(typed, graph),
    ...conditionSizeProblems(typed),
    ...wordingProblems(typed, graph),
    ...(formProblems.some((p) => p.code === 'invalid_form_schema') ? [] : [...dataProblems(typed, graph), ...choiceProblems(typed), ...typeProblems(typed, graph)]),
  ];
  return withCauses(problems, typed, graph);
}

/** Narrowing helper for callers that want a typed definition or the problems. */
export function parseDefinition(definition: unknown): { definition: WorkflowDefinition; problems: [] } | { definition?: undefined; problems: Problem[] } {
  const problems = validateDefinition(definition);
  return problems.length === 0 ? { definition: definition as WorkflowDefinition, problems: [] } : { problems };
}
