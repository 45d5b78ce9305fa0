/**
 * A definition taken apart once for stepping: its graph (nodes by id, arrows), its working-day
 * calendar, its forms by id and each form's questions. `step` runs many times over one definition,
 * so none of this is worked out again per event. Cached by the definition object, so callers change
 * nothing; like `graphOf`, it takes a definition as fixed once it is stepped (the server loads each
 * published version once, and the designer replaces a draft on every edit rather than editing it).
 */
import { WorkingCalendar } from '../calendar/index.ts';
import { formFields, type FieldInfo } from '../forms/index.ts';
import type { Form, WorkflowDefinition } from '../schema/definition.types.ts';
import { graphOf, type Graph } from './graph.ts';

export interface CompiledDefinition {
  readonly graph: Graph;
  /** The authority's calendar: the one instance for the definition's `calendar` settings. */
  readonly calendar: WorkingCalendar;
  /** A form by id, own properties only: a node naming `toString` has no form. */
  form(id: string | undefined): Form | undefined;
  /** A form's top-level questions (labels, options), worked out the first time a step asks. */
  fields(form: Form): ReadonlyMap<string, FieldInfo>;
}

const compiled = new WeakMap<WorkflowDefinition, CompiledDefinition>();

export function compiledOf(definition: WorkflowDefinition): CompiledDefinition {
  let known = compiled.get(definition);
  if (!known) {
    known = compile(definition);
    compiled.set(definition, known);
  }
  return known;
}

function compile(definition: WorkflowDefinition): CompiledDefinition {
  const forms = new Map(Object.entries(definition.forms ?? {}));
  const fields = new WeakMap<Form, ReadonlyMap<string, FieldInfo>>();
  return {
    graph: graphOf(definition),
    calendar: WorkingCalendar.for(definition.calendar),
    form: (id) => (id === undefined ? undefined : forms.get(id)),
    fields(form) {
      let known = fields.get(form);
      if (!known) {
        known = formFields(form);
        fields.set(form, known);
      }
      return known;
    },
  };
}
