import type { RolloutEvent } from './rollout.events.js';
import { evolve } from './rollout.evolve.js';
import { evolveNode, isNodeEvent } from './rollout.evolve-node.js';
import type { NodeProgress, RolloutState } from './rollout.state.js';

/**
 * Folds events one at a time exactly like `evolve`, but copies the node map once per fold instead of
 * once per node event (O(nodes) each). The states it returns share that private map, so only the
 * latest one is current; the state it started from is never changed.
 */
export class RolloutFold {
  private ownedNodes: Record<string, NodeProgress> | null = null;

  constructor(private current: RolloutState) {}

  get state(): RolloutState {
    return this.current;
  }

  apply(event: RolloutEvent): RolloutState {
    const rollout = this.current;
    if (rollout === null || !isNodeEvent(event)) {
      this.current = evolve(rollout, event);
      if (this.current?.nodes !== rollout?.nodes) this.ownedNodes = null;
      return this.current;
    }
    const node = rollout.nodes[event.node];
    if (!node) return rollout;
    this.ownedNodes ??= { ...rollout.nodes };
    this.ownedNodes[node.name] = evolveNode(node, event);
    this.current = { ...rollout, nodes: this.ownedNodes };
    return this.current;
  }
}

/** `events.reduce(evolve, state)` with one copy of the node map. */
export function evolveAll(state: RolloutState, events: readonly RolloutEvent[]): RolloutState {
  const fold = new RolloutFold(state);
  for (const event of events) fold.apply(event);
  return fold.state;
}
