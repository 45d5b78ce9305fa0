/**
 * A one-time message for the next page ("Case started", "Case withdrawn"): set before
 * navigating, taken (and so cleared) by the page that shows it, as a server's flash would be.
 */
let pending: { heading: string; body?: string } | null = null;

export function setFlash(heading: string, body?: string): void {
  pending = body === undefined ? { heading } : { heading, body };
}

export function takeFlash(): { heading: string; body?: string } | null {
  const taken = pending;
  pending = null;
  return taken;
}
