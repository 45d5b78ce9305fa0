/**
 * A step-down route as data: who starts the case and how, then each step — who does it, where
 * they find it, the answers and the next actions — and the one refused submission of the run.
 * The browser tests replay it through the pages; the answers are the API walkthroughs' own
 * (test/api/<variant>.test.ts), with dates moved to today, since the server runs on real time.
 */
export type Json = Record<string, unknown>;
export type PassTo = { team: string } | { worker: string };
export interface ChosenAction { action: string; passTo?: PassTo; priority?: 'urgent' | 'normal' | 'low'; scheduledFor?: string }

export interface Step {
  /** Sign-in address of the person the protocol names. */
  who: string;
  node: string;
  /** Where they find it: their own list (default) or a team's tray. */
  from?: 'work' | { tray: string };
  /** First, a manager (`by`) finds the task on the case page and passes it to a named person. */
  passFirst?: { by: string; worker: string };
  data: Json;
  actions: ChosenAction[];
  /** Submit once without these answers first, and expect this message beside the first of them. */
  refuse?: { without: string[]; message: string };
}

export interface Route {
  definition: string;
  entry: string;
  /** Sign-in address of whoever starts the case. */
  starter: string;
  family: { familyName: string; children: Array<{ name: string; dateOfBirth?: string; personId?: string }> };
  intake?: Json;
  steps: Step[];
  /** What the case page says at the end. */
  outcome: string;
}

/**
 * `YYYY-MM-DD`, `days` calendar days from now. The UTC date, not London's: the definitions'
 * date guards ("cannot be in the future", "from today onwards") compare with `now`'s first ten
 * characters, a UTC date, which is a day behind London between midnight and 1am in summer.
 */
export function day(days = 0, now = new Date()): string {
  return new Date(now.getTime() + days * 24 * 3600 * 1000).toISOString().slice(0, 10);
}

/** A person's id, as the demo seed makes it: `<role>@<authority>.example` → `<authority>.<role>`. */
export function personId(email: string): string {
  const [role, domain] = email.split('@') as [string, string];
  return `${domain.replace(/\.example$/, '')}.${role}`;
}
