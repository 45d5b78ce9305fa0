/**
 * What choosing a next action does, in plain words for the hint under it: the next task's
 * name, the e-mail it sends, the wait or the closure. Routing steps (a decision, a join) are the
 * engine's business and say nothing; a split says that several steps start.
 */
export interface ActionTarget { name: string; kind: string | null }

export function whatHappens(to: ActionTarget): string | null {
  switch (to.kind) {
    case 'user_task': return `Next: ${to.name}`;
    case 'notification': {
      const to_ = /^e-?mail to (.+)$/i.exec(to.name.trim());
      return to_ ? `Sends an e-mail to ${to_[1]}` : `Sends an e-mail: ${to.name}`;
    }
    case 'end': return `Closes the case: ${to.name}`;
    case 'timer': return `Then waits: ${to.name}`;
    case 'subflow': return `Starts a linked case: ${to.name}`;
    case 'parallel': return 'Then several steps start at once';
    case 'decision':
    case 'join':
    case 'start':
      return null;
    default: return `Next: ${to.name}`;
  }
}
