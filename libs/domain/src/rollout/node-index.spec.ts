import {
  approve,
  bob,
  carol,
  evicted,
  fired,
  NEW,
  OLD,
  patched,
  podObserved,
  spec,
  start,
  t,
} from './testing/rollout.fixtures.js';
import { NodeIndex } from './node-index.js';
import { isFinished, isUnavailable, workNodes } from './node-work.js';
import { decideAndEvolve, type RolloutInput } from './rollout.decider.js';
import type { RolloutEvent } from './rollout.events.js';
import { RolloutFold } from './rollout.fold.js';
import { nextStep } from './rollout.progress.js';
import type { Rollout, RolloutState } from './rollout.state.js';
import { failedNodeCount, nodeList } from './rollout.state.js';

const NODES = ['node-a1', 'node-a2', 'node-b1', 'node-b2'];

/** A small deterministic generator, so a failing history can be replayed. */
function randomOf(seed: number) {
  let value = seed;
  return (below: number) => {
    value = (value * 1_103_515_245 + 12_345) % 2 ** 31;
    return value % below;
  };
}

/** Random cluster observations, commands and timer firings, each decided by the real saga; rejected ones dropped. */
function randomHistory(seed: number, length: number): RolloutEvent[] {
  const random = randomOf(seed);
  const policy = spec({ failurePolicy: { maxFailedNodes: random(2), action: random(2) === 0 ? 'rollback' : 'pause' } });
  let state: RolloutState = null;
  const events: RolloutEvent[] = [];
  const take = (input: RolloutInput) => {
    const { decision, stateAfter } = decideAndEvolve(input, state);
    if ('rejected' in decision) return;
    events.push(...decision.events);
    state = stateAfter;
  };
  [start(0, policy), approve(bob, 1), patched(2)].forEach(take);
  for (let step = 0; step < length; step++) {
    const at = 3 + step;
    const node = NODES[random(NODES.length)];
    const choice = random(10);
    if (choice < 3) take(evicted(node, at));
    else if (choice < 7)
      take(
        podObserved(node, at, random(4) === 0 ? OLD : NEW, {
          ready: random(3) !== 0,
          restarts: random(3),
          crashLooping: random(6) === 0,
          uid: `uid-${node}-${random(3)}`,
        }),
      );
    else if (choice === 7) take(fired({ kind: 'NodeReadyTimeout', node, attempt: 1 + random(2) }, at));
    else if (choice === 8) take(fired({ kind: 'BakeEnd', stageIndex: 0, bakeId: 1 }, at));
    else if (random(2) === 0) take({ type: 'RollbackRollout', actor: carol, now: t(at), comment: 'bad' });
    else take(patched(at, 'RestoreTemplate', OLD));
  }
  return events;
}

/** The stages whose work nodes are compared: each stage going forward, all nodes to revert going back. */
const stagesOf = (rollout: Rollout) => (rollout.direction === 'back' ? [null] : [0, 1]);

/** What the index answers, by scanning every node in node-list order the way the saga once did. */
function scanned(rollout: Rollout) {
  return stagesOf(rollout).map((stage) => {
    const nodes = workNodes(rollout, stage);
    const current = nodes.find((node) => !isFinished(rollout, node));
    const next = nodes.find(
      (node) =>
        node.status === 'Pending' && node.stageIndex === current?.stageIndex && node.batchIndex === current.batchIndex,
    );
    return {
      current: current === undefined ? null : [current.stageIndex, current.batchIndex],
      unavailable: nodes.filter((node) => isUnavailable(rollout, node)).length,
      next: next?.name ?? null,
    };
  });
}

function answered(rollout: Rollout, index: NodeIndex) {
  return stagesOf(rollout).map((stage) => {
    const current = index.currentBatch(stage);
    return {
      current: current === null ? null : [current.stageIndex, current.batchIndex],
      unavailable: index.unavailableNodes(stage),
      next: current === null ? null : (index.firstPending(rollout, current)?.name ?? null),
    };
  });
}

describe('node index', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])(
    'answers like a scan of every node after each event of random history %i',
    (seed) => {
      const history = randomHistory(seed, 60);
      const fold = new RolloutFold(null);
      let checked = 0;
      for (const event of history) {
        const rollout = fold.apply(event);
        if (rollout === null) continue;
        const kept = fold.index();
        expect(answered(rollout, kept)).toEqual(scanned(rollout));
        expect(kept.failedNodes()).toBe(failedNodeCount(rollout));
        expect(nextStep(rollout, event.at, kept)).toEqual(nextStep(rollout, event.at, NodeIndex.of(rollout)));
        checked++;
      }
      expect(checked).toBe(history.length);
    },
  );

  it('lists the first node to record in node-list order', () => {
    const history = randomHistory(3, 0);
    const rollout = new RolloutFold(null);
    history.forEach((event) => rollout.apply(event));
    const state = rollout.state!;
    const [first, second] = nodeList(state).slice(1, 3);
    const ready = { ...first.pod!, revisionHash: NEW, uid: 'new-1' };
    const both: Rollout = {
      ...state,
      nodes: {
        ...state.nodes,
        [second.name]: { ...second, status: 'WaitingForPod', pod: { ...ready, uid: 'new-2' } },
        [first.name]: { ...first, status: 'WaitingForPod', pod: ready },
      },
    };
    expect(NodeIndex.of(both).firstToBookkeep(both)?.name).toBe(first.name);
  });
});
