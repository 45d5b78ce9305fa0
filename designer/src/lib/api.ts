/**
 * The typed API client: the only place in the browser code that calls `fetch`. JSON in and out;
 * the session's CSRF token on every change; a problem+json answer becomes an `ApiProblem` with
 * its status, code, detail and field errors. When the session has ended (401) it tells the app
 * once, through `onSignedOut`, and the app goes to the sign-in page.
 *
 * Every change carries an `Idempotency-Key` (server/http/idempotency.ts): a fresh one per submit,
 * and the same one again when the person submits the same thing after its answer was lost (a
 * network error, a 5xx from a proxy, or the server still at it), so a change that did go
 * through is answered as it was, not "Someone else already did this".
 */
import type {
  AdminDefinitionList, CaseSummary, CaseView, ChosenAction, CompletedTask, DefinitionDiff, DefinitionList, DefinitionVersions, DraftView, FieldError, PassTo, PublishedDefinition,
  PublishResult, SessionView, Simulation, ExampleRequest, StartFormView, TaskForm, Timeline, Tray, WorkList, WorkflowDefinition,
} from './api-types.ts';

export class ApiProblem extends Error {
  readonly status: number;
  /** Stable snake_case code (`form_invalid`, `task_not_open`, `sign_in_failed`...). */
  readonly code: string;
  readonly detail: string;
  readonly errors: FieldError[];
  /** Anything else the problem carries (`messages` of guard_failed, `index` of an action...). */
  readonly extra: Record<string, unknown>;

  constructor(status: number, body: Record<string, unknown>) {
    const detail = typeof body['detail'] === 'string' ? body['detail'] : 'Something went wrong. Try again.';
    super(detail);
    this.name = 'ApiProblem';
    this.status = status;
    this.code = typeof body['code'] === 'string' ? body['code'] : `http_${status}`;
    this.detail = detail;
    this.errors = Array.isArray(body['errors']) ? (body['errors'] as FieldError[]) : [];
    this.extra = body;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Signing in changes no records, and its body holds a password, which must not be kept for a retry. */
const UNKEYED = new Set(['POST /api/session']);
/** How many unanswered changes to remember: the last few submits are all a person retries. */
const UNANSWERED_KEPT = 20;

/** A fresh key: `crypto.randomUUID` needs a secure context (HTTPS or localhost), `getRandomValues` does not. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** No answer the server decided on came back: the change may or may not have happened. */
const answerLost = (problem: ApiProblem) => problem.status === 0 || problem.status >= 500 || problem.code === 'request_in_progress';
const enc = encodeURIComponent;
type Query = Record<string, string | undefined>;

export class ApiClient {
  #csrfToken: string | undefined;
  readonly #fetch: typeof fetch;
  readonly #newKey: () => string;
  /** The keys of changes whose answer was lost, by exactly what was sent. */
  readonly #unanswered = new Map<string, string>();
  /** Called when the server says the session is over (401 on anything but signing in). */
  onSignedOut: () => void = () => {};

  constructor(fetchImpl: typeof fetch = (...args) => fetch(...args), newKey: () => string = newIdempotencyKey) {
    this.#fetch = fetchImpl;
    this.#newKey = newKey;
  }

  set csrfToken(token: string | undefined) {
    this.#csrfToken = token;
  }

  async request<T>(method: string, path: string, body?: unknown, query: Query = {}, extraHeaders: Record<string, string> = {}): Promise<T> {
    if (!UNSAFE.has(method) || UNKEYED.has(`${method} ${path}`)) return this.#attempt<T>(method, path, body, query, extraHeaders);
    // Sending exactly the same again is a retry of the same submit: it keeps its key.
    const sent = JSON.stringify([method, path, query, body ?? null, extraHeaders]);
    const key = this.#unanswered.get(sent) ?? this.#newKey();
    this.#unanswered.delete(sent);
    try {
      return await this.#attempt<T>(method, path, body, query, { ...extraHeaders, 'idempotency-key': key });
    } catch (error) {
      if (error instanceof ApiProblem && answerLost(error)) {
        this.#unanswered.set(sent, key);
        if (this.#unanswered.size > UNANSWERED_KEPT) this.#unanswered.delete(this.#unanswered.keys().next().value!);
      }
      throw error;
    }
  }

  async #attempt<T>(method: string, path: string, body: unknown, query: Query, extraHeaders: Record<string, string>): Promise<T> {
    try {
      return await this.#send<T>(method, path, body, query, extraHeaders);
    } catch (error) {
      // A token from before a sign-in elsewhere in this browser: fetch the current one and try once more.
      if (!(error instanceof ApiProblem) || error.code !== 'csrf_token_invalid') throw error;
      this.#csrfToken = (await this.#send<SessionView>('GET', '/api/session', undefined, {}, {})).csrfToken;
      return this.#send<T>(method, path, body, query, extraHeaders);
    }
  }

  async #send<T>(method: string, path: string, body: unknown, query: Query, extraHeaders: Record<string, string>): Promise<T> {
    const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined));
    const url = params.size > 0 ? `${path}?${params}` : path;
    const headers: Record<string, string> = { accept: 'application/json', ...extraHeaders };
    // A body sent as text with its own content type (a CSV file) goes as it is; anything else as JSON.
    const raw = typeof body === 'string' && extraHeaders['content-type'] !== undefined;
    if (body !== undefined && !raw) headers['content-type'] = 'application/json';
    if (UNSAFE.has(method) && this.#csrfToken) headers['x-csrf-token'] = this.#csrfToken;
    let response: Response;
    try {
      response = await this.#fetch(url, { method, headers, credentials: 'same-origin', ...(body === undefined ? {} : { body: raw ? (body as string) : JSON.stringify(body) }) });
    } catch {
      throw new ApiProblem(0, { code: 'network_error', detail: 'Stepwise could not be reached. Check your connection and try again.' });
    }
    const text = await response.text();
    let json: unknown = undefined;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    if (response.ok) return json as T;
    const problem = new ApiProblem(response.status, typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {});
    if (problem.status === 401 && problem.code !== 'sign_in_failed') this.onSignedOut();
    throw problem;
  }

  // Session
  session = () => this.request<SessionView>('GET', '/api/session');
  /** Blank answers are left out, so the server says "Enter your email address" rather than a length. */
  signIn = (body: { email?: string; password?: string }) => this.request<SessionView>('POST', '/api/session', body);
  signOut = () => this.request<void>('DELETE', '/api/session');

  // Work and cases
  work = (query: { sort?: string; overdue?: string; team?: string } = {}) => this.request<WorkList>('GET', '/api/work', undefined, query);
  tray = (team: string, query: { sort?: string; overdue?: string } = {}) => this.request<Tray>('GET', `/api/trays/${enc(team)}`, undefined, query);
  findCases = (query: Query = {}) => this.request<{ cases: CaseSummary[]; count: number }>('GET', '/api/cases', undefined, query);
  getCase = (id: string) => this.request<CaseView>('GET', `/api/cases/${enc(id)}`);
  timeline = (id: string) => this.request<Timeline>('GET', `/api/cases/${enc(id)}/timeline`);
  startForm = (id: string) => this.request<StartFormView>('GET', `/api/cases/${enc(id)}/start-form`);
  startCase = (body: { definition: string; entry: string; subject: { familyName: string; children: Array<{ name: string; dateOfBirth?: string }> }; data?: Record<string, unknown> }) =>
    this.request<CaseView>('POST', '/api/cases', body);
  /** With the case version the person saw, so a case that changed meanwhile is refused (409 stale_version). */
  withdraw = (id: string, reason: string, expectedVersion?: number) =>
    this.request<CaseView>('POST', `/api/cases/${enc(id)}/withdraw`, expectedVersion === undefined ? { reason } : { reason, expectedVersion });

  // Protocols (published versions; the workspace renders intake forms and filters from them)
  definitions = () => this.request<DefinitionList>('GET', '/api/definitions');
  definition = (id: string) => this.request<PublishedDefinition>('GET', `/api/definitions/${enc(id)}`);

  // The designer (admins): drafts with If-Match, checks, publishing, versions, diffs and what-if runs
  adminDefinitions = () => this.request<AdminDefinitionList>('GET', '/api/definitions');
  definitionVersion = (id: string, version: number) => this.request<PublishedDefinition>('GET', `/api/definitions/${enc(id)}`, undefined, { version: String(version) });
  createDefinition = (definition: WorkflowDefinition) => this.request<DraftView>('POST', '/api/definitions', definition);
  draft = (id: string) => this.request<DraftView>('GET', `/api/definitions/${enc(id)}/draft`);
  /** Saves the draft; `savedAt` (null before the first save) guards against overwriting someone else's (409 stale_version). */
  saveDefinitionDraft = (id: string, definition: WorkflowDefinition, savedAt: string | null) =>
    this.request<DraftView>('PUT', `/api/definitions/${enc(id)}/draft`, definition, {}, savedAt ? { 'if-match': savedAt } : {});
  /** Publishes the draft with the admin's change note (required: 422 naming /note without one). */
  publish = (id: string, savedAt: string | null, note: string) =>
    this.request<PublishResult>('POST', `/api/definitions/${enc(id)}/publish`, { note }, {}, savedAt ? { 'if-match': savedAt } : {});
  versions = (id: string) => this.request<DefinitionVersions>('GET', `/api/definitions/${enc(id)}/versions`);
  diff = (id: string, from: number, to: number | 'draft') => this.request<DefinitionDiff>('GET', `/api/definitions/${enc(id)}/diff`, undefined, { from: String(from), to: String(to) });
  simulate = (id: string, scenario: unknown, example?: ExampleRequest) => this.request<Simulation>('POST', `/api/definitions/${enc(id)}/simulate`, { scenario, draft: true, ...(example ? { example } : {}) });

  // One task
  task = (caseId: string, taskId: string) => this.request<TaskForm>('GET', `/api/cases/${enc(caseId)}/tasks/${enc(taskId)}`);
  saveDraft = (caseId: string, taskId: string, data: Record<string, unknown>) =>
    this.request<void>('PUT', `/api/cases/${enc(caseId)}/tasks/${enc(taskId)}/draft`, { data });
  /**
   * Asks for the minimal answer (RFC 7240 `Prefer: return=minimal`): the confirmation page needs
   * only where the work went, not the whole case view (about 27 KB for Camden).
   */
  complete = (caseId: string, taskId: string, body: { data: Record<string, unknown>; actions: ChosenAction[]; expectedVersion?: number }) =>
    this.request<CompletedTask>('POST', `/api/cases/${enc(caseId)}/tasks/${enc(taskId)}/complete`, body, {}, { prefer: 'return=minimal' });
  reassign = (caseId: string, taskId: string, to: PassTo, reason?: string) =>
    this.request<CaseView>('POST', `/api/cases/${enc(caseId)}/tasks/${enc(taskId)}/reassign`, reason ? { to, reason } : { to });

  // People (admins): server/routes/people.ts
  people = () => this.request<PeopleList>('GET', '/api/people');
  addPerson = (body: PersonInput) => this.request<{ person: Person }>('POST', '/api/people', body);
  changePerson = (id: string, body: Partial<PersonInput> & { disabled?: boolean }) => this.request<{ person: Person }>('PATCH', `/api/people/${enc(id)}`, body);
  /** The CSV file as it is; `dryRun` reports without changing anything. */
  importPeople = (csv: string, dryRun: boolean) =>
    this.request<PeopleImport>('POST', '/api/people/import', csv, dryRun ? { dryRun: 'true' } : {}, { 'content-type': 'text/csv; charset=utf-8' });
}

export interface Person { id: string; authority: string; name: string; email: string; roles: string[]; teams: string[]; disabled: boolean; hasPassword: boolean; signsInWithProvider: boolean }
export interface PersonInput { name: string; email: string; roles: string[]; teams?: string[]; password?: string }
export interface PeopleList { authority: string; roles: Array<{ id: string; name: string }>; teams: Array<{ id: string; name: string }>; minPasswordLength: number; people: Person[] }
export interface PeopleImportRow { row: number; email: string; outcome: 'add' | 'change' | 'unchanged' | 'refused'; changes?: string[]; errors: Array<{ column: string; message: string }> }
export interface PeopleImport { dryRun: boolean; counts: Record<'add' | 'change' | 'unchanged' | 'refused', number>; rows: PeopleImportRow[] }

export const api = new ApiClient();
