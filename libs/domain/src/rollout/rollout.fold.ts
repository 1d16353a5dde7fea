import { NodeIndex } from './node-index.js';
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
  private nodeIndex: NodeIndex | null = null;
  private readonly changedNodes = new Set<string>();
  private nodeMapReplaced = false;

  constructor(private current: RolloutState) {}

  get state(): RolloutState {
    return this.current;
  }

  /** The node index of the current state: built on first use, then kept up to date by each node event. */
  index(): NodeIndex {
    const rollout = this.current;
    if (rollout === null) throw new Error('No rollout to index');
    if (this.nodeIndex === null || !this.nodeIndex.fits(rollout)) this.nodeIndex = NodeIndex.of(rollout);
    return this.nodeIndex;
  }

  /** The nodes node events changed since the fold began; undefined once an event replaced the node map. */
  changed(): ReadonlySet<string> | undefined {
    return this.nodeMapReplaced ? undefined : this.changedNodes;
  }

  apply(event: RolloutEvent): RolloutState {
    const rollout = this.current;
    if (rollout === null || !isNodeEvent(event)) {
      this.current = evolve(rollout, event);
      if (this.current?.nodes !== rollout?.nodes) {
        this.ownedNodes = null;
        this.nodeIndex = null;
        this.nodeMapReplaced = true;
      }
      return this.current;
    }
    const node = rollout.nodes[event.node];
    if (!node) return rollout;
    const changed = evolveNode(node, event);
    this.ownedNodes ??= { ...rollout.nodes };
    this.ownedNodes[node.name] = changed;
    this.nodeIndex?.replace(node, changed);
    this.changedNodes.add(node.name);
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
