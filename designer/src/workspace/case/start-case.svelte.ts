/**
 * Starting a case: which protocol and way in, the family and its children, and the way in's
 * intake form. The server (the engine) checks it all; its errors come back by JSON pointer and
 * are placed here: `/subject/...` on the family questions, `/data/...` on the intake form.
 */
import { ApiProblem, api, type ApiClient } from '../../lib/api.ts';
import type { CaseView, PublishedDefinition } from '../../lib/api-types.ts';
import type { FormFieldError } from '../../lib/forms/errors.ts';
import type { FormInput } from '../../lib/forms/model.ts';
import { buildFormModel } from '../../lib/forms/model.ts';
import { refineFormErrors } from '../../lib/forms/summary.ts';
import { submittableData, type Data } from '../../lib/forms/values.ts';
import { FAMILY_FORM } from './family-form.ts';
import { entriesFor } from './protocols.ts';

export { FAMILY_FORM };

export const ENTRY_ID = 'start-entry';
export const PROTOCOL_ID = 'start-protocol';

export class StartCase {
  phase = $state<'loading' | 'ready' | 'submitting' | 'failed'>('loading');
  protocols = $state<PublishedDefinition[]>([]);
  protocol = $state('');
  entry = $state('');
  family = $state<Data>({ children: [{}] });
  intake = $state<Data>({});
  familyErrors = $state<FormFieldError[]>([]);
  intakeErrors = $state<FormFieldError[]>([]);
  /** Counts refused submissions, so the error summary takes focus each time. */
  refusals = $state(0);
  /** Messages for the protocol and way-in questions, and for the page. */
  choiceErrors = $state<{ protocol?: string; entry?: string }>({});
  pageErrors = $state<string[]>([]);
  problem = $state<ApiProblem | null>(null);

  readonly #client: ApiClient;
  #roles: () => string[] = () => [];

  readonly definition = $derived(this.protocols.find((p) => p.id === this.protocol)?.definition ?? null);
  readonly entries = $derived(this.definition ? entriesFor(this.definition, this.#roles()) : []);
  readonly intakeForm = $derived.by((): FormInput | null => this.entries.find((e) => e.id === this.entry)?.form ?? null);

  constructor(roles: () => string[], client: ApiClient = api) {
    this.#roles = roles;
    this.#client = client;
  }

  async load(list: Promise<PublishedDefinition[]>): Promise<void> {
    try {
      this.protocols = await list;
      if (this.protocols.length === 1) this.choose(this.protocols[0]!.id);
      this.phase = 'ready';
    } catch (error) {
      this.problem = error instanceof ApiProblem ? error : new ApiProblem(0, {});
      this.phase = 'failed';
    }
  }

  choose(protocol: string): void {
    this.protocol = protocol;
    const entries = this.entries;
    this.entry = entries.length === 1 ? entries[0]!.id : '';
  }

  /** Starts the case; the new case when it is started, null when there are answers to correct. */
  async submit(): Promise<CaseView | null> {
    if (this.phase !== 'ready') return null;
    this.familyErrors = [];
    this.intakeErrors = [];
    this.pageErrors = [];
    this.choiceErrors = { ...(this.protocol ? {} : { protocol: 'Select the protocol' }), ...(this.entry ? {} : { entry: 'Select how the case is starting' }) };
    if (!this.protocol || !this.entry) {
      this.refusals += 1;
      return null;
    }
    const family = submittableData(buildFormModel(FAMILY_FORM), $state.snapshot(this.family) as Data);
    const children = (Array.isArray(family['children']) ? family['children'] : []) as Array<{ name?: string; dateOfBirth?: string }>;
    const form = this.intakeForm;
    const subject = { familyName: typeof family['familyName'] === 'string' ? family['familyName'] : '', children: children.map((c) => ({ name: c.name ?? '', ...(c.dateOfBirth ? { dateOfBirth: c.dateOfBirth } : {}) })) };
    const data = form ? submittableData(buildFormModel(form), $state.snapshot(this.intake) as Data) : undefined;
    this.phase = 'submitting';
    try {
      return await this.#client.startCase({ definition: this.protocol, entry: this.entry, subject, ...(data ? { data } : {}) });
    } catch (error) {
      const problem = error instanceof ApiProblem ? error : new ApiProblem(0, {});
      this.#place(problem, subject, data ?? {});
      this.refusals += 1;
      return null;
    } finally {
      if (this.phase === 'submitting') this.phase = 'ready';
    }
  }

  #place(problem: ApiProblem, subject: Data, data: Data): void {
    const under = (prefix: string) => problem.errors.filter((e) => e.pointer.startsWith(`${prefix}/`) || e.pointer === prefix).map((e) => ({ ...e, pointer: e.pointer.slice(prefix.length) }));
    this.familyErrors = refineFormErrors(FAMILY_FORM, subject, under('/subject'));
    this.intakeErrors = this.intakeForm ? refineFormErrors(this.intakeForm, data, under('/data')) : [];
    const placed = new Set(problem.errors.filter((e) => e.pointer.startsWith('/subject') || e.pointer.startsWith('/data')));
    const rest = problem.errors.filter((e) => !placed.has(e));
    this.pageErrors = problem.errors.length === 0 ? [problem.detail] : rest.map((e) => e.message);
  }
}
