/**
 * Next actions that cannot be taken back (issue 13 §4): one that leads, through steps that run by
 * themselves (e-mails), to an end closes the case or this path of it; one that leads
 * to a subflow starts a case of its own (a step up). These get a check-your-answers page first.
 */
import type { Graph } from '../../engine/index.ts';

export type Irreversible = 'closes' | 'withdraws' | 'steps_up';

export function irreversibleStep(graph: Graph, to: string): Irreversible | null {
  let id: string | undefined = to;
  for (let hops = 0; id !== undefined && hops < 10; hops++) {
    const node = graph.nodes.get(id);
    if (!node) return null;
    if (node.kind === 'end') return node.outcome === 'withdrawn' ? 'withdraws' : 'closes';
    if (node.kind === 'subflow') return 'steps_up';
    // E-mails pass straight on; anything that waits for someone or decides is not the end.
    if (node.kind !== 'notification' || typeof node.next !== 'string') return null;
    id = node.next;
  }
  return null;
}
