/**
 * The server's JSON API from the test process, for setting a scene quickly (the browser runs
 * only the part under test): a signed-in person with their cookie and CSRF token.
 */
import { PASSWORD } from './people.ts';

export type Client = Awaited<ReturnType<typeof apiAs>>;

export async function apiAs(base: string, email: string) {
  const signIn = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
  if (signIn.status !== 201) throw new Error(`sign in as ${email}: ${signIn.status} ${await signIn.text()}`);
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken, user } = (await signIn.json()) as { csrfToken: string; user: { id: string } };
  async function send<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
  return { user, get: <T>(path: string) => send<T>('GET', path), post: <T>(path: string, body: unknown) => send<T>('POST', path, body) };
}

/** Completes the case's open task at `node` as `client`, with these answers and next actions. */
export async function completeAt(client: Client, caseId: string, node: string, data: unknown, actions: unknown[]): Promise<void> {
  const page = await client.get<{ openTasks: Array<{ id: string; node: string }> }>(`/api/cases/${caseId}`);
  const task = page.openTasks.find((t) => t.node === node);
  if (!task) throw new Error(`no open task at ${node}: ${page.openTasks.map((t) => t.node).join(', ')}`);
  await client.post(`/api/cases/${caseId}/tasks/${task.id}/complete`, { data, actions });
}
