import { givenInputs } from './testing/given-when-then.test-helper.js';
import { approve, bob, canaryBaking, evicted, start } from './testing/rollout.fixtures.js';
import { evolve } from './rollout.evolve.js';
import { evolveAll, RolloutFold } from './rollout.fold.js';
import type { Rollout, RolloutState } from './rollout.state.js';
import { nodeList } from './rollout.state.js';

function rolloutOf(state: RolloutState): Rollout {
  if (state === null) throw new Error('expected a rollout');
  return state;
}

describe('rollout fold', () => {
  const history = givenInputs(...canaryBaking(), evicted('node-b1', 200)).history;

  it('reaches the same state as folding each event with evolve', () => {
    expect(evolveAll(null, history)).toEqual(history.reduce<RolloutState>(evolve, null));
  });

  it('leaves the state it started from unchanged while node events change the copy', () => {
    const half = Math.floor(history.length / 2);
    const start = evolveAll(null, history.slice(0, half));
    const snapshot = structuredClone(start);
    const after = evolveAll(start, history.slice(half));
    expect(start).toEqual(snapshot);
    expect(after).toEqual(history.reduce<RolloutState>(evolve, null));
    expect(rolloutOf(after).nodes).not.toBe(rolloutOf(start).nodes);
  });

  it('returns the latest state after each event', () => {
    const fold = new RolloutFold(null);
    let expected: RolloutState = null;
    for (const event of history) {
      expected = evolve(expected, event);
      expect(fold.apply(event)).toEqual(expected);
    }
  });
});

describe('rollout fold: changed nodes', () => {
  const history = givenInputs(...canaryBaking(), evicted('node-b1', 200)).history;
  const started = history.findIndex((event) => event.type === 'StageStarted');

  it('lists the nodes its node events changed', () => {
    const fold = new RolloutFold(evolveAll(null, history.slice(0, started + 1)));
    history.slice(started + 1).forEach((event) => fold.apply(event));
    const touched = history
      .slice(started + 1)
      .flatMap((event) => ('node' in event && event.type.startsWith('Node') ? [event.node] : []));
    expect([...(fold.changed() ?? [])].sort()).toEqual([...new Set(touched)].sort());
  });

  it('gives up listing once an event replaces the node map', () => {
    const fold = new RolloutFold(null);
    history.forEach((event) => fold.apply(event));
    expect(fold.changed()).toBeUndefined();
  });
});

describe('node list order', () => {
  const rollout = rolloutOf(givenInputs(start(0), approve(bob, 10)).state);

  it('lists nodes by stage, batch and name, also when asked again', () => {
    const first = nodeList(rollout).map((node) => [node.stageIndex, node.batchIndex, node.name]);
    expect(first).toEqual([...first].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))));
    expect(nodeList(rollout).map((node) => [node.stageIndex, node.batchIndex, node.name])).toEqual(first);
  });

  it('sorts again when a state with the same plan places a node differently', () => {
    const last = nodeList(rollout).at(-1)!;
    const moved: Rollout = { ...rollout, nodes: { ...rollout.nodes, [last.name]: { ...last, stageIndex: -1 } } };
    expect(nodeList(moved)[0].name).toBe(last.name);
    expect(nodeList(rollout).at(-1)!.name).toBe(last.name);
  });

  it('lists the current progress of each node, not the one it was sorted from', () => {
    nodeList(rollout);
    const a1 = rollout.nodes['node-a1'];
    const updated: Rollout = { ...rollout, nodes: { ...rollout.nodes, 'node-a1': { ...a1, status: 'Updated' } } };
    expect(nodeList(updated).find((node) => node.name === 'node-a1')?.status).toBe('Updated');
  });
});
