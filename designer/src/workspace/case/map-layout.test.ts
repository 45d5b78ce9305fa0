import { describe, expect, it } from 'vitest';
import { columnsOf, layoutMap, stagesOf, wrapLabel, type MapEdge, type MapNode } from './map-layout.ts';

const node = (id: string, kind = 'user_task', state: MapNode['state'] = 'not_reached', stage: string | null = null): MapNode => ({ id, kind, name: id, stage, state });
const edge = (from: string, to: string): MapEdge => ({ from, to });

// start → a → b → end, a → c → end, c → a (a loop back)
const nodes = [node('start', 'start', 'done', 'Planning'), node('c', 'user_task', 'not_reached', 'Work'), node('a', 'user_task', 'done', 'Planning'), node('b', 'user_task', 'active', 'Work'), node('end', 'end'), node('lost')];
const edges = [edge('start', 'a'), edge('a', 'b'), edge('a', 'c'), edge('b', 'end'), edge('c', 'end'), edge('c', 'a')];

describe('Given a protocol with a loop and a node no arrow reaches', () => {
  it('When it is laid out, Then each node sits in the column of its distance from the start, and the lost one after the last', () => {
    expect(Object.fromEntries(columnsOf(nodes, edges))).toEqual({ start: 0, a: 1, b: 2, c: 2, end: 3, lost: 4 });
  });

  it('When it is laid out twice, Then the picture is the same, with rows in definition order where nothing else decides', () => {
    const one = layoutMap(nodes, edges);
    expect(layoutMap(nodes, edges)).toEqual(one);
    const at = (id: string) => one.nodes.find((n) => n.id === id)!;
    expect([at('c').row, at('b').row]).toEqual([0, 1]);
    expect(at('b').x).toBeGreaterThan(at('a').x);
    expect(one.width).toBeGreaterThan(at('lost').x);
  });

  it('When arrows join reached nodes, Then they are marked as the way the case came', () => {
    const { edges: placed } = layoutMap(nodes, edges);
    expect(placed.filter((e) => e.taken).map((e) => `${e.from}>${e.to}`)).toEqual(['start>a', 'a>b']);
  });

  it('When an arrow names a node that is not there, Then it is left out rather than breaking the map', () => {
    expect(layoutMap(nodes, [...edges, edge('a', 'ghost')]).edges).toHaveLength(edges.length);
  });

  it('When stages are listed, Then they come in map order with the furthest state of their steps', () => {
    expect(stagesOf(layoutMap(nodes, edges)).map((s) => [s.name, s.state])).toEqual([
      ['Planning', 'done'],
      ['Work', 'active'],
      ['Other steps', 'not_reached'],
    ]);
  });
});

describe('Given a long step name', () => {
  it('When it is wrapped, Then it takes at most three lines and says it was cut', () => {
    expect(wrapLabel('Get the family’s agreement and e-mail the Early Help Step Down inbox')).toEqual(['Get the family’s', 'agreement and e-mail the', 'Early Help Step Down…']);
    expect(wrapLabel('Short name')).toEqual(['Short name']);
  });
});
