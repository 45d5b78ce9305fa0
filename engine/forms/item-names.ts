/**
 * Repeated questions name their item: "Enter the MOSAIC ID number for Ben Okafor", not the same
 * "Enter the MOSAIC ID number" once per child. The item is named by the answer to its name
 * question: the repeat's `eachChild.nameField`, else a `name` question of the item.
 */
import type { Form } from '../schema/definition.types.ts';
import type { FieldError } from '../problems.ts';
import { layoutFields, parsePointer } from './locate.ts';
import { lowerFirst } from './schema-info.ts';

/** Errors inside an item of a top-level repeat, worded with the item's name when it has one. */
export function withItemNames(form: Form, answers: Record<string, unknown>, errors: FieldError[]): FieldError[] {
  return errors.map((error) => {
    const [field, index, ...rest] = parsePointer(error.pointer);
    if (field === undefined || index === undefined || !/^\d+$/.test(index) || rest.length === 0) return error;
    const nameField = layoutFields(form).find((f) => f.field === field)?.eachChild?.nameField ?? 'name';
    if (rest[0] === nameField) return error;
    const items = answers[field];
    const item = Array.isArray(items) ? (items[Number(index)] as unknown) : undefined;
    const name = typeof item === 'object' && item !== null ? (item as Record<string, unknown>)[nameField] : undefined;
    if (typeof name !== 'string' || name.trim() === '') return error;
    return { ...error, message: named(error.message, name.trim().replace(/\s+/g, ' ')) };
  });
}

/** "Enter …", "Select …" take "for <name>"; "Date of birth must be …" becomes "<name>’s date of birth must be …". */
function named(message: string, name: string): string {
  if (message.includes(name)) return message;
  // "Enter the child’s MOSAIC ID number" → "Enter Ben Okafor’s MOSAIC ID number".
  const child = /\b(?:the|this) child(['’])s\b/i;
  if (child.test(message)) return message.replace(child, (_, apostrophe: string) => `${name}${apostrophe}s`);
  if (/^(Enter|Select|Add|Choose|Give)\b/.test(message)) return `${message} for ${name}`;
  // A sentence of its own ("This is not the most recent assessment…") is left whole, the name after it.
  return /^(The|A|An|This|That|It)\b/.test(message) ? `${message} (${name})` : `${name}’s ${lowerFirst(message)}`;
}
