import type { DaemonSetUpdateStrategy, RolloutEffect } from '#rollcall/domain';

type PatchDaemonSet = Extract<RolloutEffect, { type: 'PatchDaemonSet' }>;

/** A strategic merge patch: `null` removes a field, containers merge by name. */
export type StrategicMergePatch = { readonly spec: Record<string, unknown> };

function strategyPatch(strategy: DaemonSetUpdateStrategy): Record<string, unknown> {
  // OnDelete must not keep a rollingUpdate block (the API server rejects the combination).
  const rollingUpdate = strategy.type === 'OnDelete' ? null : (strategy.rollingUpdate ?? null);
  return { type: strategy.type, rollingUpdate };
}

/**
 * The patch for one PatchDaemonSet effect. `revisionTemplate` is the ControllerRevision's stored
 * template (it carries `$patch: replace`), required to restore the template.
 */
export function daemonSetPatchBody(effect: PatchDaemonSet, revisionTemplate: unknown): StrategicMergePatch {
  const spec: Record<string, unknown> = { updateStrategy: strategyPatch(effect.updateStrategy) };
  switch (effect.purpose) {
    case 'ApplyChange': {
      const change = effect.change;
      if (change === null) throw new Error('An ApplyChange patch needs a change');
      spec.template =
        change.kind === 'containers'
          ? { spec: { containers: change.containers.map(({ name, image }) => ({ name, image })) } }
          : change.templatePatch;
      break;
    }
    case 'RestoreTemplate':
      if (revisionTemplate === undefined || revisionTemplate === null)
        throw new Error(`ControllerRevision ${effect.restoreRevisionHash} has no template to restore`);
      spec.template = revisionTemplate;
      break;
    case 'RestoreStrategy':
      break;
    default: {
      const unknown: never = effect.purpose;
      throw new Error(`Unknown patch purpose ${String(unknown)}`);
    }
  }
  return { spec };
}
