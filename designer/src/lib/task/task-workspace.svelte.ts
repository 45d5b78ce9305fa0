/**
 * One task being worked: the server's view of it, the answers as they stand, the next actions
 * chosen, drafts saved as the person types (debounced) and on request, and the outcome of
 * submitting — done, refused with errors placed on the page, or beaten to it by someone else.
 */
import { sameJson } from '../../../../engine/forms/schema-info.ts';
import { api, ApiProblem, type ApiClient } from '../api.ts';
import type { TaskForm } from '../api-types.ts';
import { buildFormModel } from '../forms/model.ts';
import { visibleData, withoutBlankItems, type Data } from '../forms/values.ts';
import { refineErrors, type FormFieldError } from '../forms/errors.ts';
import { chosenActions, initialActions, placeProblem, type ActionIssue, type NextActionsValue } from './next-actions.ts';

export type Phase = 'loading' | 'ready' | 'submitting' | 'done' | 'conflict' | 'failed';
export type DraftState = { status: 'idle' | 'saving' | 'saved' | 'failed'; at?: string; message?: string };

export class TaskWorkspace {
  view = $state<TaskForm | null>(null);
  data = $state<Data>({});
  actions = $state<NextActionsValue>({ chosen: [], details: {} });
  formErrors = $state<FormFieldError[]>([]);
  actionErrors = $state<Map<string, ActionIssue>>(new Map());
  /** Counts refused submissions, so the error summary takes focus each time. */
  refusals = $state(0);
  pageErrors = $state<string[]>([]);
  phase = $state<Phase>('loading');
  /** Why the page could not open or the work was refused for good (404, 409...). */
  problem = $state<ApiProblem | null>(null);
  draft = $state<DraftState>({ status: 'idle' });

  readonly model = $derived(this.view?.form ? buildFormModel(this.view.form) : null);
  /** Copied answers still as copied; one the person has changed is theirs, not "prefilled". */
  readonly prefilled = $derived(this.view ? this.view.prefilled.filter((n) => sameJson(this.data[n], this.view!.prefill[n])) : []);
  readonly hasErrors = $derived(this.formErrors.length > 0 || this.actionErrors.size > 0 || this.pageErrors.length > 0);

  readonly #client: ApiClient;
  readonly #debounceMs: number;
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly caseId: string;
  readonly taskId: string;

  constructor(caseId: string, taskId: string, options: { client?: ApiClient; debounceMs?: number } = {}) {
    this.caseId = caseId;
    this.taskId = taskId;
    this.#client = options.client ?? api;
    this.#debounceMs = options.debounceMs ?? 1500;
  }

  async load(): Promise<void> {
    try {
      const view = await this.#client.task(this.caseId, this.taskId);
      this.view = view;
      this.data = structuredClone(view.answers ?? view.draft?.data ?? view.prefill ?? {});
      this.actions = initialActions(view);
      if (view.draft) this.draft = { status: 'saved', at: view.draft.savedAt };
      this.phase = 'ready';
    } catch (error) {
      this.problem = error instanceof ApiProblem ? error : new ApiProblem(0, {});
      this.phase = 'failed';
    }
  }

  change(data: Data): void {
    this.data = data;
    if (this.view?.task.status !== 'open' || !this.view.task.canAct) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.saveDraft(), this.#debounceMs);
  }

  /** Saves what is typed now: nothing typed is lost, even before the form is valid. */
  async saveDraft(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.phase !== 'ready') return;
    this.draft = { ...this.draft, status: 'saving' };
    try {
      await this.#client.saveDraft(this.caseId, this.taskId, $state.snapshot(this.data));
      this.draft = { status: 'saved', at: new Date().toISOString() };
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 409) return this.#conflict(error);
      this.draft = { status: 'failed', message: error instanceof ApiProblem ? error.detail : 'The draft could not be saved.' };
    }
  }

  /** Completes the task; true when it is done and the page can move on. */
  async submit(): Promise<boolean> {
    const view = this.view;
    const model = this.model;
    if (!view || this.phase !== 'ready') return false;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const actions = chosenActions(view, this.actions);
    if (actions.length === 0) {
      this.#show([], new Map([['actions', { messages: ['Select what happens next'] }]]), []);
      return false;
    }
    // Items left blank go from the page too, so error pointers and items still line up.
    if (model) this.data = withoutBlankItems(model, this.data);
    const data = model ? visibleData(model, this.data) : {};
    this.phase = 'submitting';
    try {
      await this.#client.complete(this.caseId, this.taskId, { data: $state.snapshot(data) as Data, actions });
      this.phase = 'done';
      return true;
    } catch (error) {
      this.phase = 'ready';
      if (!(error instanceof ApiProblem)) throw error;
      // 409s that leave the task as it was (too early; signed for this role already) are said on the page.
      if (error.status === 409 && error.code !== 'not_yet_available' && error.code !== 'already_signed') {
        this.#conflict(error);
        return false;
      }
      const placed = placeProblem(error, view, actions, this.actions);
      this.#show(model ? refineErrors(model, data, placed.form) : placed.form, placed.actions, placed.page);
      // What was sent is kept as a draft, so a refusal never costs what was typed.
      void this.saveDraft();
      return false;
    }
  }

  /** Leaving the page: a change still waiting to be saved is saved now. */
  dispose(): void {
    if (this.#timer !== undefined) void this.saveDraft();
  }

  #show(form: FormFieldError[], actions: Map<string, ActionIssue>, page: string[]): void {
    this.refusals += 1;
    this.formErrors = form;
    this.actionErrors = actions;
    this.pageErrors = page;
  }

  #conflict(problem: ApiProblem): void {
    clearTimeout(this.#timer);
    this.problem = problem;
    this.phase = 'conflict';
  }
}
