import { awaitsBadReplacement, isFinished, isUnavailable } from './node-work.js';
import { needsBookkeeping } from './node-bookkeeping.js';
import type { NodeProgress, Rollout } from './rollout.state.js';
import { compareNodes } from './rollout.state.js';

/** The counts of one batch of the nodes the saga works on (a stage going forward, the nodes to revert going back). */
interface BatchGroup {
  readonly stageIndex: number;
  readonly batchIndex: number;
  unfinished: number;
  unavailable: number;
  readonly pending: Set<string>;
}

/** What a node contributes to the index; the same predicates as the full scans use. */
interface Contribution {
  readonly works: boolean;
  readonly finished: boolean;
  readonly unavailable: boolean;
  readonly pending: boolean;
  readonly failed: boolean;
  readonly bookkeeping: boolean;
  readonly badReplacement: boolean;
}

/**
 * The aggregates the saga's next step reads, kept per node change instead of scanning every node
 * on every step. Valid for states that share the rollout-level fields it was built from (direction,
 * revisions, plan); a fold rebuilds it when one of those changes.
 */
export class NodeIndex {
  private readonly groups = new Map<string, BatchGroup>();
  private readonly bookkeeping = new Set<string>();
  private readonly badReplacements = new Set<string>();
  private failed = 0;

  private constructor(private readonly basis: Rollout) {}

  static of(rollout: Rollout): NodeIndex {
    const index = new NodeIndex(rollout);
    for (const key in rollout.nodes) index.add(rollout.nodes[key]);
    return index;
  }

  /** Whether this index describes `rollout` once its node changes are applied. */
  fits(rollout: Rollout): boolean {
    const basis = this.basis;
    return (
      rollout.direction === basis.direction &&
      rollout.targetRevisionHash === basis.targetRevisionHash &&
      rollout.originalRevisionHash === basis.originalRevisionHash &&
      rollout.stages === basis.stages &&
      rollout.spec === basis.spec
    );
  }

  replace(before: NodeProgress, after: NodeProgress): void {
    this.remove(before);
    this.add(after);
  }

  failedNodes(): number {
    return this.failed;
  }

  /** The first node (in node-list order) the bookkeeping step has something to record for. */
  firstToBookkeep(rollout: Rollout): NodeProgress | null {
    return firstOf(rollout, this.bookkeeping, () => true);
  }

  /** Going back, the first work node whose replacement came from the bad template. */
  firstBadReplacement(rollout: Rollout, inStage: number | null): NodeProgress | null {
    return firstOf(rollout, this.badReplacements, (node) => inStage === null || node.stageIndex === inStage);
  }

  /** The batch that holds the first unfinished work node, or null when every work node is finished. */
  currentBatch(inStage: number | null): BatchGroup | null {
    let current: BatchGroup | null = null;
    for (const group of this.groups.values())
      if (group.unfinished > 0 && (inStage === null || group.stageIndex === inStage))
        if (current === null || compareGroups(group, current) < 0) current = group;
    return current;
  }

  unavailableNodes(inStage: number | null): number {
    let count = 0;
    for (const group of this.groups.values())
      if (inStage === null || group.stageIndex === inStage) count += group.unavailable;
    return count;
  }

  /** The first Pending node of a batch, by name as the node list orders it. */
  firstPending(rollout: Rollout, group: BatchGroup): NodeProgress | null {
    return firstOf(rollout, group.pending, () => true);
  }

  private add(node: NodeProgress): void {
    this.count(node, contributionOf(this.basis, node), 1);
  }

  private remove(node: NodeProgress): void {
    this.count(node, contributionOf(this.basis, node), -1);
  }

  private count(node: NodeProgress, contribution: Contribution, sign: 1 | -1): void {
    const change = <T>(set: Set<T>, value: T, member: boolean) => {
      if (!member) return;
      if (sign > 0) set.add(value);
      else set.delete(value);
    };
    if (contribution.failed) this.failed += sign;
    change(this.bookkeeping, node.name, contribution.bookkeeping);
    change(this.badReplacements, node.name, contribution.badReplacement);
    if (!contribution.works) return;
    const group = this.groupOf(node);
    if (!contribution.finished) group.unfinished += sign;
    if (contribution.unavailable) group.unavailable += sign;
    change(group.pending, node.name, contribution.pending);
  }

  private groupOf(node: NodeProgress): BatchGroup {
    const key = `${node.stageIndex}/${node.batchIndex}`;
    let group = this.groups.get(key);
    if (group === undefined) {
      group = {
        stageIndex: node.stageIndex,
        batchIndex: node.batchIndex,
        unfinished: 0,
        unavailable: 0,
        pending: new Set(),
      };
      this.groups.set(key, group);
    }
    return group;
  }
}

function contributionOf(rollout: Rollout, node: NodeProgress): Contribution {
  const back = rollout.direction === 'back';
  const works = back ? node.revertRequired : true;
  return {
    works,
    finished: isFinished(rollout, node),
    unavailable: isUnavailable(rollout, node),
    pending: node.status === 'Pending',
    failed: node.status === 'Failed',
    bookkeeping: needsBookkeeping(rollout, node),
    badReplacement: back && works && awaitsBadReplacement(rollout, node),
  };
}

function compareGroups(a: BatchGroup, b: BatchGroup): number {
  return a.stageIndex - b.stageIndex || a.batchIndex - b.batchIndex;
}

function firstOf(rollout: Rollout, names: ReadonlySet<string>, matches: (node: NodeProgress) => boolean) {
  let first: NodeProgress | null = null;
  for (const name of names) {
    const node = rollout.nodes[name];
    if (matches(node) && (first === null || compareNodes(node, first) < 0)) first = node;
  }
  return first;
}
