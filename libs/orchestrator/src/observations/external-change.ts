import type { V1DaemonSet } from '@kubernetes/client-node';
import type { Rollout } from '#rollcall/domain';

/**
 * What someone else changed on the DaemonSet that the saga relies on: the update strategy it set
 * to OnDelete, or the images it applied. Empty while a patch of ours is in flight (it may not show
 * yet) and for a view of the DaemonSet from before our last patch (a watch event checked late).
 */
export function externalChanges(rollout: Rollout, ds: V1DaemonSet): string[] {
  const patchInFlight =
    rollout.template === 'ChangeRequested' ||
    rollout.template === 'RestoreRequested' ||
    rollout.strategyRestore !== 'NotRequested';
  if (patchInFlight || (rollout.template !== 'ChangeApplied' && rollout.template !== 'Restored')) return [];
  if (rollout.templateGeneration !== null && (ds.metadata?.generation ?? 0) <= rollout.templateGeneration) return [];
  const changed: string[] = [];
  if (ds.spec?.updateStrategy?.type !== 'OnDelete') changed.push('spec.updateStrategy');
  const change = rollout.spec.change;
  if (rollout.template === 'ChangeApplied' && change.kind === 'containers') {
    const containers = ds.spec?.template.spec?.containers ?? [];
    for (const { name, image } of change.containers)
      if (containers.find((container) => container.name === name)?.image !== image)
        changed.push(`spec.template.spec.containers[${name}].image`);
  }
  return changed;
}

/**
 * Whether finding no change in a DaemonSet generation with this state stays true for that generation:
 * the template is settled and no patch of ours is in flight, so later states only move to a newer
 * template generation (which makes that view older) or stop comparing.
 */
export function noChangeIsFinal(rollout: Rollout): boolean {
  return (
    (rollout.template === 'ChangeApplied' || rollout.template === 'Restored') &&
    rollout.strategyRestore === 'NotRequested'
  );
}

/** The field manager that touched the object last, when the API server records managed fields. */
export function lastManager(ds: V1DaemonSet): string | null {
  const entries = [...(ds.metadata?.managedFields ?? [])].sort(
    (a, b) => new Date(b.time ?? 0).getTime() - new Date(a.time ?? 0).getTime(),
  );
  return entries[0]?.manager ?? null;
}
