import { givenInputs } from './testing/given-when-then.test-helper.js';
import { approve, bob, evicted, fired, patched, podObserved, spec, start } from './testing/rollout.fixtures.js';
import { NEW } from './testing/rollout.fixtures.js';

/** One node at a time after the canary, and one failed node tolerated. */
const oneAtATime = spec({
  stages: [
    { name: 'canary', nodes: { count: 1 }, approvals: 1, bakeSeconds: 30 },
    { name: 'rest', nodes: { percent: 100 }, maxUnavailable: 1 },
  ],
  failurePolicy: { maxFailedNodes: 1, action: 'pause' },
});

/** node-a2, the first of the rest, is evicted and its new pod is up but not Ready. */
const a2NotReady = () =>
  givenInputs(
    start(0, oneAtATime),
    approve(bob, 10),
    patched(11),
    evicted('node-a1', 12),
    podObserved('node-a1', 20),
    fired({ kind: 'BakeEnd', stageIndex: 0, bakeId: 1 }, 50),
    evicted('node-a2', 51),
    podObserved('node-a2', 60, NEW, { ready: false }),
  );

const a2Timeout = fired({ kind: 'NodeReadyTimeout', node: 'node-a2', attempt: 1 }, 351);

describe('rollout saga: a failed node still counts against maxUnavailable while its pod is down', () => {
  it('starts no further node while the failed node’s pod is not Ready', () => {
    a2NotReady()
      .when(a2Timeout)
      .then({ events: [{ type: 'NodeFailed', node: 'node-a2', reason: 'ReadyTimeout' }] });
  });

  it('goes on once the failed node’s pod becomes Ready', () => {
    a2NotReady()
      .and(a2Timeout)
      .when(podObserved('node-a2', 400, NEW))
      .then({
        events: [
          { type: 'NodePodObserved', node: 'node-a2' },
          { type: 'NodeEvictionRequested', node: 'node-b1' },
        ],
      });
  });

  it('counts a failed node whose replacement pod never appeared', () => {
    givenInputs(
      start(0, oneAtATime),
      approve(bob, 10),
      patched(11),
      evicted('node-a1', 12),
      podObserved('node-a1', 20),
      fired({ kind: 'BakeEnd', stageIndex: 0, bakeId: 1 }, 50),
      evicted('node-a2', 51),
    )
      .when(a2Timeout)
      .thenEventTypes(['NodeFailed']);
  });
});
