/**
 * Single sign-on on the sign-in page: which council accounts this server accepts
 * (`GET /api/sso`, answered without a session), and what to say when the server sends a
 * refused sign-in back here as `/sign-in?sso=<code>` (server/routes/sso.ts).
 */

export interface SsoAuthority {
  id: string;
  name: string;
  /** Where the browser goes to start: `/auth/sso/<authority>`. */
  href: string;
}

export interface SsoOptions {
  authorities: SsoAuthority[];
  /** Whether the email-and-password form is still wanted. */
  passwords: boolean;
}

/** Without an answer (an older server, a network fault) the page offers passwords only. */
export const PASSWORDS_ONLY: SsoOptions = { authorities: [], passwords: true };

export async function loadSsoOptions(fetchImpl: typeof fetch = (...args) => fetch(...args)): Promise<SsoOptions> {
  try {
    const response = await fetchImpl('/api/sso', { headers: { accept: 'application/json' }, credentials: 'same-origin' });
    return response.ok ? ((await response.json()) as SsoOptions) : PASSWORDS_ONLY;
  } catch {
    return PASSWORDS_ONLY;
  }
}

/** Where the start link goes, keeping the page the person was sent here from. */
export function startHref(authority: SsoAuthority, next: string | null): string {
  return next ? `${authority.href}?next=${encodeURIComponent(next)}` : authority.href;
}

const START_AGAIN = 'Try signing in again.';

/** What went wrong, in the person's terms, for each code the server may send back. */
const MESSAGES: Record<string, string> = {
  sso_no_role: 'Your council account is not in a group that may use Stepwise. If you need to use it, ask your manager or IT service desk to add you to the right group.',
  sso_no_email: 'Your council account has no email address Stepwise can use. Ask your IT service desk to add one.',
  sso_email_unverified: 'Your council says your email address is not confirmed. Ask your IT service desk.',
  sso_other_authority: 'Your email address belongs to another authority’s Stepwise account. Ask your Stepwise administrator.',
  sso_different_person: 'Your email address is linked to a different council account in Stepwise. Ask your Stepwise administrator.',
  sso_disabled: 'Your Stepwise account has been turned off. Ask your Stepwise administrator.',
  sso_state_missing: `Signing in took longer than 10 minutes, or was started in another browser. ${START_AGAIN}`,
  sso_state_mismatch: `The sign-in that came back was not the one this browser started. ${START_AGAIN}`,
  sso_state_replayed: `That sign-in had already been used. ${START_AGAIN}`,
  sso_nonce_mismatch: `The sign-in that came back was not the one this browser started. ${START_AGAIN}`,
  sso_token_expired: `The sign-in from your council had expired before it reached Stepwise. ${START_AGAIN}`,
  sso_cancelled: `You did not finish signing in with your council account. ${START_AGAIN}`,
  sso_code_rejected: `Your council did not accept this sign-in. ${START_AGAIN}`,
  sso_wrong_audience: 'Your council’s sign-in service sent a sign-in meant for another application. Tell your IT service desk.',
  sso_wrong_issuer: 'The sign-in came from a different sign-in service than your council’s. Tell your IT service desk.',
  sso_provider_unavailable: 'Your council’s sign-in service could not be reached. Try again in a few minutes.',
  sso_not_configured: 'Signing in with a council account is not set up for that authority.',
  sso_required: 'Your authority signs its staff in with their council account. Use the button above.',
};

export function ssoMessage(code: string): string {
  return Object.hasOwn(MESSAGES, code) ? MESSAGES[code]! : `Signing in with your council account did not work. ${START_AGAIN}`;
}

/** The start button's words: one council needs no name; several are told apart by theirs. */
export function buttonText(authority: SsoAuthority, count: number): string {
  return count === 1 ? 'Sign in with your council account' : `Sign in with your ${authority.name} account`;
}
