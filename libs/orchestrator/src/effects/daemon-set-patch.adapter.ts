import {
  PatchStrategy,
  setHeaderOptions,
  type AppsV1Api,
  type V1ControllerRevision,
  type V1DaemonSet,
} from '@kubernetes/client-node';
import { REVISION_HASH_LABEL, type RolloutEffect, type RolloutObservation } from '#rollcall/domain';
import { daemonSetPatchBody } from './daemon-set-patch-body.js';
import { kubeFailureOf } from './kube-failure.js';

type PatchDaemonSet = Extract<RolloutEffect, { type: 'PatchDaemonSet' }>;
type PatchResult = Extract<RolloutObservation, { type: 'DaemonSetPatched' | 'DaemonSetChangedExternally' }>;

const strategicMerge = setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch);

export interface PatchAdapterOptions {
  readonly revisionWaitMs: number;
  readonly pollMs: number;
}

/** Carries out PatchDaemonSet (idempotent: the same patch twice changes nothing) and reports the new revision. */
export class DaemonSetPatchAdapter {
  constructor(
    private readonly apps: AppsV1Api,
    private readonly options: PatchAdapterOptions = { revisionWaitMs: 30_000, pollMs: 50 },
  ) {}

  async patch(effect: PatchDaemonSet, now: () => string): Promise<PatchResult> {
    const { namespace, name } = effect.daemonSet;
    const current = await this.apps.readNamespacedDaemonSet({ namespace, name }).catch((error: unknown) => {
      if (kubeFailureOf(error).status === 404) return null;
      throw error;
    });
    // Deleted, or replaced by another object of the same name: not the DaemonSet this rollout changed.
    if (current === null || current.metadata?.uid !== effect.daemonSetUid)
      return {
        type: 'DaemonSetChangedExternally',
        now: now(),
        generation: current?.metadata?.generation ?? 0,
        changedFields: ['metadata.uid'],
        changedBy: null,
      };
    const revisionTemplate =
      effect.purpose === 'RestoreTemplate'
        ? (await this.revisionByHash(current, effect.restoreRevisionHash))?.data
        : undefined;
    const body = daemonSetPatchBody(effect, templateOf(revisionTemplate));
    const patched = await this.apps.patchNamespacedDaemonSet({ namespace, name, body }, strategicMerge);
    const generation = patched.metadata?.generation ?? 0;
    const revisionHash = await this.newestRevisionHashAt(patched, generation);
    return { type: 'DaemonSetPatched', now: now(), purpose: effect.purpose, revisionHash, generation };
  }

  /** Waits until the controller has seen `generation`, then reads the ControllerRevision with the highest `.revision`. */
  private async newestRevisionHashAt(ds: V1DaemonSet, generation: number): Promise<string> {
    const { namespace = '', name = '' } = ds.metadata ?? {};
    const deadline = Date.now() + this.options.revisionWaitMs;
    for (;;) {
      const current = await this.apps.readNamespacedDaemonSet({ namespace, name });
      if ((current.status?.observedGeneration ?? 0) >= generation) {
        const newest = (await this.revisionsOf(current)).at(-1);
        const hash = newest?.metadata?.labels?.[REVISION_HASH_LABEL];
        if (hash !== undefined) return hash;
      }
      if (Date.now() > deadline)
        throw new Error(`DaemonSet ${namespace}/${name} did not reach generation ${generation} in time`);
      await new Promise((resolve) => setTimeout(resolve, this.options.pollMs));
    }
  }

  private async revisionByHash(ds: V1DaemonSet, hash: string | null): Promise<V1ControllerRevision | undefined> {
    return (await this.revisionsOf(ds)).find((revision) => revision.metadata?.labels?.[REVISION_HASH_LABEL] === hash);
  }

  private async revisionsOf(ds: V1DaemonSet): Promise<V1ControllerRevision[]> {
    const matchLabels = ds.spec?.selector.matchLabels ?? {};
    const labelSelector = Object.entries(matchLabels)
      .map(([key, value]) => `${key}=${value}`)
      .join(',');
    const list = await this.apps.listNamespacedControllerRevision({
      namespace: ds.metadata?.namespace ?? '',
      labelSelector,
    });
    return list.items
      .filter((revision) => revision.metadata?.ownerReferences?.some((owner) => owner.uid === ds.metadata?.uid))
      .sort((a, b) => a.revision - b.revision);
  }
}

function templateOf(data: unknown): unknown {
  return (data as { spec?: { template?: unknown } } | undefined)?.spec?.template;
}
