/**
 * Definition lint for a repeat that holds one item per child (`eachChild`): the repeat is a list
 * of questions, one of them names the child, and each question `updates` names to correct a
 * fact on the case is a question of the item that can hold that fact.
 */
import type { Problem } from '../problems.ts';
import type { FieldLayout } from '../schema/definition.types.ts';
import { CHILD_FACTS, type ChildFact } from './child-updates.ts';
import { formatOf, itemsOf, propertiesOf, typeOf } from './schema-info.ts';
import type { JsonSchema } from './schema-info.ts';

const FACT_WORDS: Record<ChildFact, string> = { name: 'name', dateOfBirth: 'date of birth', personId: 'case-system ID' };

/** A repeat of one item per child: an array of objects whose items have the name field. */
export function checkEachChild(layout: FieldLayout, schema: JsonSchema | undefined, at: string, out: Problem[]): void {
  const item = schema && typeOf(schema) === 'array' ? itemsOf(schema) : undefined;
  if (!item || typeOf(item) !== 'object') {
    out.push({ code: 'each_child_not_a_repeat', path: `${at}/eachChild`, message: `"${layout.field}" holds one item per child, so it must be a repeat of questions (an array of objects).` });
    return;
  }
  const name = propertiesOf(item).get(layout.eachChild!.nameField);
  if (!name || typeOf(name) !== 'string') {
    out.push({ code: 'each_child_name_unknown', path: `${at}/eachChild/nameField`, message: `Each item of "${layout.field}" names its child in "${layout.eachChild!.nameField}", which is not a text question of the item (it has ${questionsOf(item)}).` });
  }
  checkUpdates(layout, item, at, out);
}

function questionsOf(item: JsonSchema): string {
  return [...propertiesOf(item).keys()].map((k) => `"${k}"`).join(', ') || 'none';
}

/** Each fact `updates` corrects comes from a question of the item: a date question for the date of birth, text for the others. */
function checkUpdates(layout: FieldLayout, item: JsonSchema, at: string, out: Problem[]): void {
  const { nameField, updates } = layout.eachChild!;
  for (const fact of CHILD_FACTS) {
    const field = updates?.[fact];
    if (field === undefined) continue;
    const path = `${at}/eachChild/updates/${fact}`;
    const what = FACT_WORDS[fact];
    const question = propertiesOf(item).get(field);
    if (!question) {
      out.push({ code: 'each_child_update_unknown', path, message: `"${layout.field}" corrects each child's ${what} with the answer to "${field}", which is not a question of the item (it has ${questionsOf(item)}).` });
    } else if (fact === 'dateOfBirth' && (typeOf(question) !== 'string' || formatOf(question) !== 'date')) {
      out.push({ code: 'each_child_update_not_a_date', path, message: `"${field}" corrects each child's date of birth, so it must be a date question ("type": "string", "format": "date").` });
    } else if (fact !== 'dateOfBirth' && typeOf(question) !== 'string') {
      out.push({ code: 'each_child_update_not_text', path, message: `"${field}" corrects each child's ${what}, so it must be a text question.` });
    } else if (fact === 'name' && field === nameField) {
      out.push({ code: 'each_child_update_is_name_field', path, message: `Each item of "${layout.field}" is matched to its child by "${nameField}", so a corrected name needs a question of its own: a changed "${nameField}" would match no child on the case.` });
    }
  }
}
