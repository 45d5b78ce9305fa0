/**
 * The form designer's edits of one question, top-level or inside a repeat (`repeat/name`):
 * each one change to the form (and, for prefill and renames, to the step that fills it). A new
 * label renames the question while its name still follows its text (names.ts).
 */
import type { Form, WorkflowDefinition } from '../../../../engine/schema/definition.types.ts';
import { setChildUpdate, setEachChild } from '../form-checks.ts';
import * as ops from '../forms.ts';
import type { FieldEdits } from './FieldEditor.svelte';
import { followsLabel, isReferenced } from './names.ts';
import { inRepeat, itemKey, itemView, splitKey } from './repeat.ts';
import { changeType } from './types.ts';

type Prefill = Array<{ field: string; from: string }>;

export interface EditDeps {
  definition: () => WorkflowDefinition;
  form: () => Form;
  formId: string;
  /** Whether a published version has this question (its name cannot change). */
  locked: (key: string) => boolean;
  change: (recipe: (f: Form) => void, prefill?: (list: Prefill) => Prefill) => void;
  select: (key: string | null) => void;
}

/** The form (or, inside a repeat, the item as a form) that holds the question `key`. */
export function holderOf(form: Form, key: string): Form | null {
  const [repeat] = splitKey(key);
  return repeat === null ? form : itemView(structuredClone(form), repeat);
}

/** Whether the question's name still follows its text. */
export function follows(deps: EditDeps, key: string): boolean {
  const [repeat, name] = splitKey(key);
  const holder = holderOf(deps.form(), key);
  if (!holder) return false;
  const referenced = repeat === null ? isReferenced(deps.definition(), deps.formId, name) : JSON.stringify(deps.form().checks ?? []).includes(name);
  return followsLabel(holder, name, deps.locked(key), referenced);
}

export function fieldEdits(deps: EditDeps, key: string): FieldEdits {
  const [repeat, name] = splitKey(key);
  const keyOf = (n: string) => (repeat === null ? n : itemKey(repeat, n));
  /** One edit of the question's holder. */
  const on = (recipe: (f: Form) => void, prefill?: (list: Prefill) => Prefill) =>
    deps.change((f) => (repeat === null ? recipe(f) : inRepeat(f, repeat, recipe)), repeat === null ? prefill : undefined);
  const renamed = (to: string) => (list: Prefill) => list.map((p) => (p.field === name ? { ...p, field: to } : p));

  function rename(recipe: (f: Form) => void, to: (f: Form) => string) {
    let next = name;
    // The prefill follows a rename: worked out inside the same change, once the new name is known.
    deps.change((f) => {
      const holder = repeat === null ? f : null;
      if (holder) {
        recipe(holder);
        next = to(holder);
      } else {
        inRepeat(f, repeat!, (item) => {
          recipe(item);
          next = to(item);
        });
      }
    }, repeat === null ? (list) => renamed(next)(list) : undefined);
    if (next !== name) deps.select(keyOf(next));
  }

  return {
    label: (v) => {
      if (follows(deps, key)) rename((f) => ops.setLabel(f, name, v), (f) => ops.renameField(f, name, ops.nameFromLabel(v)));
      else on((f) => ops.setLabel(f, name, v));
    },
    rename: (v) => {
      if (!deps.locked(key)) rename(() => undefined, (f) => ops.renameField(f, name, v));
    },
    type: (t) => on((f) => changeType(f, name, t)),
    hint: (v) => on((f) => ops.setHint(f, name, v)),
    required: (b) => on((f) => ops.setRequired(f, name, b)),
    options: (o) => on((f) => ops.setOptions(f, name, o)),
    reveal: (r) => on((f) => ops.setReveal(f, name, r)),
    message: (k, t) => on((f) => ops.setErrorMessage(f, name, k, t)),
    eachChild: (nameField) => on((f) => setEachChild(f, name, nameField)),
    childUpdate: (fact, field) => on((f) => setChildUpdate(f, name, fact, field)),
    itemLabel: (v) => on((f) => {
      const at = ops.findLayout(f, name);
      if (!at) return;
      if (v) at.layout.itemLabel = v;
      else delete at.layout.itemLabel;
    }),
    prefill: (from) => deps.change(() => undefined, (list) => [...list.filter((p) => p.field !== name), ...(from ? [{ field: name, from }] : [])]),
    remove: () => {
      on((f) => ops.removeField(f, name), (list) => list.filter((p) => p.field !== name));
      deps.select(null);
    },
  };
}

/** Adds a question inside a repeat; returns its selection key. */
export function addInRepeat(deps: EditDeps, repeat: string, type: ops.FieldType): string {
  let name = '';
  deps.change((f) => inRepeat(f, repeat, (item) => (name = ops.addField(item, type))));
  return itemKey(repeat, name);
}

export function moveInRepeat(deps: EditDeps, repeat: string, name: string, delta: -1 | 1): void {
  deps.change((f) => inRepeat(f, repeat, (item) => ops.moveField(item, name, delta)));
}
