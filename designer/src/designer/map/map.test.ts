import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../../../engine/schema/definition.types.ts';
import { NODE_HEIGHT, NODE_WIDTH } from '../layout.ts';
import { arrowName, shortLabel } from './labels.ts';
import { hasStages, laneLayout, NO_STAGE } from './lanes.ts';
import { findSteps, outline } from './outline.ts';

const camden = () => JSON.parse(readFileSync(new URL('../../../../definitions/camden.json', import.meta.url), 'utf8')) as WorkflowDefinition;

describe('short labels', () => {
  it('Given a short name, Then it is kept whole', () => {
    expect(shortLabel('Stepped up to CSSW')).toBe('Stepped up to CSSW');
  });
  it('Given a long name, Then its first clause is kept without little words, cut at a word with an ellipsis', () => {
    expect(shortLabel('Front door reply: team identified')).toBe('Front door reply');
    expect(shortLabel('Get the family’s agreement and e-mail the Early Help Step Down inbox')).toBe('Get family’s agreement…');
    expect(shortLabel('Invite the social worker to present the family at the Early Help Panel')).toBe('Invite social worker…');
  });
  it('Given any name, Then the label is never longer than asked', () => {
    for (const n of camden().nodes) expect(shortLabel(n.name).length).toBeLessThanOrEqual(24);
  });
});

describe('arrow names', () => {
  it('Given an arrow, Then it is named by the steps it joins and its label', () => {
    const names = new Map([['asm_screen', 'Screening'], ['asm_team', 'Team allocation']]);
    expect(arrowName({ from: 'asm_screen', to: 'asm_team', via: '/nextActions/0/to', label: 'Team' }, names)).toBe('Arrow from Screening to Team allocation: Team');
    expect(arrowName({ from: 'asm_screen', to: 'gone', via: '/next' }, names)).toBe('Arrow from Screening to gone');
  });
});

describe('lanes by stage', () => {
  it('Given Camden, When arranged for a wide canvas, Then each stage is one lane holding its steps, and no two steps overlap', () => {
    const d = camden();
    const layout = laneLayout(d, 2.2);
    expect(layout.lanes.map((l) => l.stage).sort()).toEqual([...new Set(d.nodes.map((n) => n.stage))].sort());
    for (const lane of layout.lanes) {
      for (const id of lane.steps) {
        const p = layout.positions.get(id)!;
        expect(p.x).toBeGreaterThanOrEqual(lane.x);
        expect(p.x + NODE_WIDTH).toBeLessThanOrEqual(lane.x + lane.width);
        expect(p.y + NODE_HEIGHT).toBeLessThanOrEqual(lane.y + lane.height);
      }
    }
    const all = [...layout.positions.values()];
    const overlaps = all.filter((p, i) => all.some((q, j) => j !== i && Math.abs(p.x - q.x) < NODE_WIDTH && Math.abs(p.y - q.y) < NODE_HEIGHT));
    expect(overlaps).toEqual([]);
  });

  it('Given Camden, When arranged for a canvas twice as wide as tall, Then it fits at more than twice the zoom of its stored positions', () => {
    const d = camden();
    const { width, height } = laneLayout(d, 2);
    const xs = d.nodes.map((n) => n.position!.x);
    const ys = d.nodes.map((n) => n.position!.y);
    const fit = (w: number, h: number) => Math.min(2000 / w, 1000 / h);
    expect(fit(width, height)).toBeGreaterThan(2 * fit(Math.max(...xs) + NODE_WIDTH, Math.max(...ys) + NODE_HEIGHT));
  });

  it('Given the first stage the route reaches, Then it is the first lane, with the start first', () => {
    const d = camden();
    const first = laneLayout(d, 2).lanes[0]!;
    expect(first.steps[0]).toBe(d.nodes.find((n) => n.kind === 'start')!.id);
  });

  it('Given steps without a stage, Then they share a lane of their own; a protocol without stages has none to arrange by', () => {
    const d = camden();
    d.nodes = d.nodes.map(({ stage: _s, ...n }, i) => (i < 3 ? n : { ...n, stage: 'All' })) as WorkflowDefinition['nodes'];
    expect(laneLayout(d).lanes.find((l) => l.stage === NO_STAGE)?.steps).toHaveLength(3);
    expect(hasStages({ ...d, nodes: d.nodes.map(({ stage: _s, ...n }) => n) as WorkflowDefinition['nodes'] })).toBe(false);
  });
});

describe('the outline', () => {
  it('Given Camden, Then every step is listed once, stages in route order, each step with its ways out named by label and target', () => {
    const d = camden();
    const stages = outline(d);
    expect(stages.flatMap((s) => s.steps.map((n) => n.id)).sort()).toEqual(d.nodes.map((n) => n.id).sort());
    expect(stages[0]!.steps[0]!.kind).toBe('start');
    const screen = stages.flatMap((s) => s.steps).find((n) => n.id === 'asm_screen')!;
    expect(screen.waysOut.length).toBeGreaterThan(0);
    for (const w of screen.waysOut) expect(w.toName).toBe(d.nodes.find((n) => n.id === w.to)!.name);
    expect(screen.waysOut.every((w) => w.label)).toBe(true);
  });

  it('Given a way out to a step that was deleted, Then it says so', () => {
    const d = camden();
    d.nodes = d.nodes.filter((n) => n.id !== 'asm_screen') as WorkflowDefinition['nodes'];
    const ways = outline(d).flatMap((s) => s.steps.flatMap((n) => n.waysOut)).filter((w) => w.to === 'asm_screen');
    expect(ways.length).toBeGreaterThan(0);
    expect(ways.every((w) => w.missing && w.toName.includes('does not exist'))).toBe(true);
  });

  it('Given some words typed, When finding steps, Then the steps whose names hold them all come back, names starting with them first', () => {
    const found = findSteps(camden(), 'joint visit');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => /joint/i.test(f.name) && /visit/i.test(f.name))).toBe(true);
    expect(found[0]!.name.toLowerCase().startsWith('joint visit')).toBe(true);
    expect(findSteps(camden(), '   ')).toEqual([]);
  });
});

describe('stage order', () => {
  it('Given Camden, Then stages come in the order a case meets them: the ways in first, closures late', async () => {
    const { stagesInOrder } = await import('./lanes.ts');
    const order = stagesInOrder(camden()).map((s) => s.stage);
    expect(order[0]).toBe('Planning');
    expect(order.indexOf('Referral')).toBeLessThan(order.indexOf('Front door'));
    expect(order.indexOf('Front door')).toBeLessThan(order.indexOf('Allocation'));
    expect(order.indexOf('Closed')).toBeGreaterThan(order.indexOf('Handover'));
  });
});
