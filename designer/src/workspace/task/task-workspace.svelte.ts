/**
 * One task being worked: the server's view of it, the answers as they stand, the next actions
 * chosen (or decided by an answer), the guards evaluated again as both change, drafts saved as the
 * person types (debounced) and on request, and the outcome of submitting — done, refused with
 * errors placed on the page, or beaten to it by someone else.
 */
import { sameJson } from '../../../../engine/forms/schema-info.ts';
import { api, ApiProblem, type ApiClient } from '../../lib/api.ts';
import type { Completion, TaskForm } from '../../lib/api-types.ts';
import { buildFormModel } from '../../lib/forms/model.ts';
import { visibleData, withoutBlankItems, type Data } from '../../lib/forms/values.ts';
import { refineErrors, type FormFieldError } from '../../lib/forms/errors.ts';
import { decidedActions } from './chosen-by.ts';
import { irreversibleChosen } from './completion.ts';
import { liveGuards } from './live-guards.ts';
import { chosenActions, initialActions, placeProblem, type ActionIssue, type NextActionsValue } from './next-actions.ts';

export type Phase = 'loading' | 'ready' | 'checking' | 'submitting' | 'done' | 'conflict' | 'failed';
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
  /** On (or sending from) the check-your-answers page. */
  checking = $state(false);
  /** Where the work went, once the task is completed: the confirmation page says it. */
  completion = $state<Completion | null>(null);

  readonly model = $derived(this.view?.form ? buildFormModel(this.view.form) : null);
  /** Copied answers still as copied; one the person has changed is theirs, not "prefilled". */
  readonly prefilled = $derived(this.view ? this.view.prefilled.filter((n) => sameJson(this.data[n], this.view!.prefill[n])) : []);
  /** The next actions as they will be sent: as chosen, or as the answer that decides them chooses. */
  readonly decided = $derived(this.view ? decidedActions(this.view, this.data, this.actions) : this.actions);
  /** The view with its guards evaluated over the answers (those shown, as sent) and the actions as they stand. */
  readonly live = $derived.by(() => {
    const view = this.view;
    if (!view || view.task.status !== 'open') return view;
    const answers = this.model ? visibleData(this.model, this.data) : {};
    return liveGuards(view, $state.snapshot(answers) as Data, chosenActions(view, this.decided));
  });
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

  /**
   * "Complete task": an action that cannot be taken back (closing, withdrawing, stepping up) goes
   * to the check-your-answers page first; anything else is sent. True when the task is done.
   */
  async submit(): Promise<boolean> {
    const view = this.view;
    if (!view || this.phase !== 'ready') return false;
    if (irreversibleChosen(view.actions, this.decided.chosen).length > 0) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
      void this.saveDraft();
      this.phase = 'checking';
      this.checking = true;
      return false;
    }
    return this.confirm();
  }

  /** Back from check-your-answers to the form, to change something. */
  backToForm(): void {
    if (this.phase !== 'checking') return;
    this.phase = 'ready';
    this.checking = false;
  }

  /** Completes the task with the answers and actions as they stand; true when it is done. */
  async confirm(): Promise<boolean> {
    const view = this.view;
    const model = this.model;
    if (!view || (this.phase !== 'ready' && this.phase !== 'checking')) return false;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    // Sent even with no next action chosen: the server reports that with every other problem, at once.
    const actions = chosenActions(view, this.decided);
    // Items left blank go from the page too, so error pointers and items still line up.
    if (model) this.data = withoutBlankItems(model, this.data);
    const data = model ? visibleData(model, this.data) : {};
    this.phase = 'submitting';
    try {
      const done = await this.#client.complete(this.caseId, this.taskId, { data: $state.snapshot(data) as Data, actions });
      this.completion = done.completion;
      this.phase = 'done';
      return true;
    } catch (error) {
      this.phase = 'ready';
      this.checking = false;
      if (!(error instanceof ApiProblem)) throw error;
      // 409s that leave the task as it was (too early; signed for this role already) are said on the page.
      if (error.status === 409 && error.code !== 'not_yet_available' && error.code !== 'already_signed') {
        this.#conflict(error);
        return false;
      }
      const placed = placeProblem(error, view, actions, this.decided);
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
