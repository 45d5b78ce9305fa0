/**
 * Who is signed in. The session itself is an HttpOnly cookie the browser keeps; this holds the
 * person (for the header and the admin-only links) and hands the CSRF token to the API client.
 */
import { api, type ApiClient } from './api.ts';
import type { Authority, SessionView, User } from './api-types.ts';

export class Session {
  user = $state<User | null>(null);
  /** The person's council, whose name and logo the header shows. */
  authority = $state<Authority | null>(null);
  /** `unknown` until the server has said, so pages do not flash the sign-in form. */
  status = $state<'unknown' | 'signed_in' | 'signed_out'>('unknown');
  readonly isAdmin = $derived(this.user?.roles.includes('admin') ?? false);
  readonly #api: ApiClient;

  constructor(client: ApiClient = api) {
    this.#api = client;
  }

  /** Asks the server who is signed in; a 401 simply means nobody. */
  async load(): Promise<void> {
    try {
      this.#accept(await this.#api.session());
    } catch {
      this.clear();
    }
  }

  /** Signs in; throws the `ApiProblem` (401 `sign_in_failed`, 422 field errors) for the page to show. */
  async signIn(email: string, password: string): Promise<void> {
    const body = { ...(email.trim() ? { email: email.trim() } : {}), ...(password ? { password } : {}) };
    this.#accept(await this.#api.signIn(body));
  }

  async signOut(): Promise<void> {
    try {
      await this.#api.signOut();
    } finally {
      this.clear();
    }
  }

  clear(): void {
    this.user = null;
    this.authority = null;
    this.status = 'signed_out';
    this.#api.csrfToken = undefined;
  }

  #accept(view: SessionView): void {
    this.user = view.user;
    this.authority = view.authority ?? { id: view.user.authority, name: view.user.authority };
    this.status = 'signed_in';
    this.#api.csrfToken = view.csrfToken;
  }
}

export const session = new Session();
