/**
 * The draft being edited: the definition, whether it is saved, and the engine's problems with it.
 * Every edit replaces the definition (only the node or form that changed is copied) and, after a
 * pause in typing (400 ms), the draft is saved with `If-Match`; the server answers with the
 * engine's problems, which the map and the problems panel show. If someone else saved the draft
 * meanwhile (409), the draft is reloaded and the admin is told their last change was not kept.
 * The last changes can be undone. Shared by the map, the form designer and the what-if page, so
 * moving between them keeps the draft and its state.
 */
import type { WorkflowDefinition } from '../../../engine/schema/definition.types.ts';
import { ApiProblem, api as defaultApi } from '../lib/api.ts';
import type { DefinitionProblem, DraftView, FieldError } from '../lib/api-types.ts';
import { danglingReferences, editNode } from './nodes.ts';
import { takeEarlyDraft } from './preload.ts';

export type SaveStatus = 'loading' | 'saved' | 'dirty' | 'saving' | 'conflict' | 'error';

/** The parts of the API client the editor uses (a fake in tests). */
export interface DraftApi {
  draft(id: string): Promise<DraftView>;
  saveDefinitionDraft(id: string, definition: WorkflowDefinition, savedAt: string | null): Promise<DraftView>;
  publish(id: string, savedAt: string | null, note: string): Promise<{ version: number }>;
}

type Form = WorkflowDefinition['forms'][string] & object;
const UNDO_LIMIT = 50;

export class DraftEditor {
  readonly id: string;
  definition = $state.raw<WorkflowDefinition | null>(null);
  savedAt = $state<string | null>(null);
  /** The engine's problems with the draft as last saved. */
  serverProblems = $state.raw<DefinitionProblem[]>([]);
  status = $state<SaveStatus>('loading');
  /** Something to tell the admin: a conflict, a failed save, a refusal to publish. */
  message = $state<string | null>(null);
  /** The last publish's refusals of its request, by field (the change note), for the check page. */
  publishErrors = $state.raw<FieldError[]>([]);
  latestVersion = $state<number | null>(null);
  unpublishedChanges = $state<number | null>(null);
  #history = $state.raw<WorkflowDefinition[]>([]);
  readonly #api: DraftApi;
  readonly #delay: number;
  /** The draft already on its way when the editor was made (preload.ts), for the first load. */
  #first: Promise<DraftView> | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #saving: Promise<void> | undefined;
  #problems: { definition: WorkflowDefinition; server: DefinitionProblem[]; all: DefinitionProblem[] } | undefined;

  constructor(id: string, options: { api?: DraftApi; delay?: number; first?: Promise<DraftView> } = {}) {
    this.id = id;
    this.#api = options.api ?? defaultApi;
    this.#delay = options.delay ?? 400;
    this.#first = options.first;
  }

  /**
   * The problems to show: the server's, and arrows to nodes that no longer exist, which the
   * engine reports only once the draft's shape is right (its lint waits for the schema).
   */
  get problems(): DefinitionProblem[] {
    const definition = this.definition;
    const server = this.serverProblems;
    if (!definition) return server;
    // Read by the header, the map and the panels on every render: worked out once per change.
    if (this.#problems?.definition === definition && this.#problems.server === server) return this.#problems.all;
    const seen = new Set(server.map((p) => `${p.code} ${p.path}`));
    const all = [...server, ...danglingReferences(definition).filter((p) => !seen.has(`${p.code} ${p.path}`))];
    this.#problems = { definition, server, all };
    return all;
  }

  get canUndo(): boolean {
    return this.#history.length > 0;
  }

  get canPublish(): boolean {
    return this.status === 'saved' && this.problems.length === 0;
  }

  async load(): Promise<void> {
    this.status = 'loading';
    const first = this.#first;
    this.#first = undefined;
    try {
      this.#accept(await (first ?? this.#api.draft(this.id)));
    } catch (error) {
      this.status = 'error';
      this.message = error instanceof ApiProblem ? error.detail : 'The draft could not be loaded. Try again.';
      throw error;
    }
  }

  /** Replaces the definition (an edit); saved after the pause. */
  change(next: WorkflowDefinition): void {
    if (!this.definition || next === this.definition) return;
    this.#history = [...this.#history.slice(-(UNDO_LIMIT - 1)), this.definition];
    this.definition = next;
    this.#schedule();
  }

  editNode(id: string, recipe: (node: Record<string, unknown>) => void): void {
    if (this.definition) this.change(editNode(this.definition, id, recipe));
  }

  /** Edits a copy of one form (created when `recipe` is given a missing one). */
  editForm(formId: string, recipe: (form: Form) => void): void {
    const d = this.definition;
    if (!d) return;
    const form = structuredClone(d.forms?.[formId] ?? { title: '', schema: { type: 'object', additionalProperties: false, properties: {} } }) as Form;
    recipe(form);
    this.change({ ...d, forms: { ...d.forms, [formId]: form } });
  }

  undo(): void {
    const previous = this.#history[this.#history.length - 1];
    if (!previous) return;
    this.#history = this.#history.slice(0, -1);
    this.definition = previous;
    this.#schedule();
  }

  /** Saves now if anything is waiting; resolves when the draft on the server is this one. */
  async flush(): Promise<void> {
    if (this.#timer !== undefined) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
      await this.#save();
    }
    while (this.#saving) await this.#saving;
  }

  /**
   * Publishes the draft as the next version with the admin's change note; the API refuses (422)
   * while problems remain, or without a note: `publishErrors`, each problem at its path in the
   * definition (and in `serverProblems`), the note at `/note`.
   */
  async publish(note: string): Promise<number | null> {
    await this.flush();
    this.publishErrors = [];
    try {
      const published = await this.#api.publish(this.id, this.savedAt, note);
      this.message = null;
      this.latestVersion = published.version;
      this.unpublishedChanges = 0;
      return published.version;
    } catch (error) {
      if (error instanceof ApiProblem && Array.isArray(error.extra['problems'])) this.serverProblems = error.extra['problems'] as DefinitionProblem[];
      if (error instanceof ApiProblem && error.errors.length > 0) {
        this.publishErrors = error.errors;
        return null;
      }
      this.message = error instanceof ApiProblem ? error.detail : 'The draft could not be published. Try again.';
      return null;
    }
  }

  #schedule(): void {
    this.status = 'dirty';
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#save();
    }, this.#delay);
  }

  async #save(): Promise<void> {
    // One save at a time: a change made while saving is saved when this one is done.
    while (this.#saving) await this.#saving;
    if (this.status !== 'dirty' || !this.definition) return;
    const sent = this.definition;
    this.status = 'saving';
    this.#saving = this.#api
      .saveDefinitionDraft(this.id, sent, this.savedAt)
      .then((view) => {
        this.savedAt = view.savedAt;
        this.serverProblems = view.problems;
        this.latestVersion = view.latestVersion;
        this.unpublishedChanges = view.unpublishedChanges;
        this.message = null;
        this.status = this.definition === sent ? 'saved' : 'dirty';
      })
      .catch((error: unknown) => this.#failed(error))
      .finally(() => (this.#saving = undefined));
    await this.#saving;
    if ((this.status as SaveStatus) === 'dirty' && this.#timer === undefined) await this.#save();
  }

  async #failed(error: unknown): Promise<void> {
    if (error instanceof ApiProblem && error.status === 409) {
      try {
        this.#accept(await this.#api.draft(this.id));
      } catch {
        // Keep the admin's version on screen; the message says what happened.
      }
      this.status = 'conflict';
      this.message = 'Someone else saved this draft while you were editing it. It has been reloaded with their changes: your last change was not saved, so make it again.';
      return;
    }
    this.status = 'error';
    this.message = error instanceof ApiProblem ? `The draft was not saved: ${error.detail}` : 'The draft was not saved. Check your connection; your next change will try again.';
  }

  #accept(view: DraftView): void {
    this.definition = view.definition;
    this.savedAt = view.savedAt;
    this.serverProblems = view.problems;
    this.latestVersion = view.latestVersion;
    this.unpublishedChanges = view.unpublishedChanges;
    this.#history = [];
    this.status = 'saved';
  }
}

let current: DraftEditor | undefined;

/** The editor for a definition, kept while the admin moves between its designer pages. */
export function draftEditor(id: string): DraftEditor {
  if (current?.id !== id) current = new DraftEditor(id, { first: takeEarlyDraft(id) });
  return current;
}

/** Forgets the kept editor (after publishing elsewhere, or to load afresh). */
export function forgetDraft(): void {
  current = undefined;
}
