import type { KubeConfig } from '@kubernetes/client-node/dist/config.js';
import type { KubernetesObject } from '@kubernetes/client-node';
import { Watch } from '@kubernetes/client-node/dist/watch.js';
import { httpStatusOf, statusCodeOfWatchError } from './kube-errors.js';
import type { ResourceEventSink } from './resource-event.js';
import type { ResourceSource } from './resource-source.js';

/** How one watch connection ended: closed (resume), gone (relist), full (wait, resume), failed (back off, resume). */
export type WatchOutcome =
  | { readonly type: 'closed' }
  | { readonly type: 'gone' }
  | { readonly type: 'full' }
  | { readonly type: 'stopped' }
  | { readonly type: 'failed'; readonly error: unknown };

export interface WatchOnceInput<T extends KubernetesObject> {
  readonly kubeConfig: KubeConfig;
  readonly source: ResourceSource<T>;
  readonly sink: ResourceEventSink<T>;
  readonly resourceVersion: string;
  readonly signal: AbortSignal;
  /** Called with every resourceVersion delivered or bookmarked, in order. */
  readonly onResourceVersion: (resourceVersion: string) => void;
}

const resourceVersionOf = (object: unknown): string | undefined =>
  (object as KubernetesObject | null)?.metadata?.resourceVersion;

/** One watch connection from `resourceVersion`, with bookmarks, until it ends for one of the outcomes. */
export const watchOnce = <T extends KubernetesObject>(input: WatchOnceInput<T>): Promise<WatchOutcome> =>
  new Promise((resolve) => {
    let outcome: WatchOutcome | undefined;
    let connection: AbortController | undefined;
    const end = (result: WatchOutcome) => {
      outcome ??= result;
      connection?.abort();
    };
    const onStop = () => end({ type: 'stopped' });
    input.signal.addEventListener('abort', onStop, { once: true });

    const onEvent = (phase: string, object: unknown) => {
      if (outcome) return; // lines already parsed when we closed; resuming from the last delivered version replays them
      if (phase === 'ERROR') {
        const code = statusCodeOfWatchError(object);
        return end(code === 410 ? { type: 'gone' } : { type: 'failed', error: new Error(`watch error ${code}`) });
      }
      const resourceVersion = resourceVersionOf(object);
      if (phase === 'BOOKMARK') {
        if (resourceVersion) input.onResourceVersion(resourceVersion);
        return;
      }
      if (phase !== 'ADDED' && phase !== 'MODIFIED' && phase !== 'DELETED') return;
      const hasRoom = input.sink.offer({ type: 'Object', change: phase, object: object as T });
      if (resourceVersion) input.onResourceVersion(resourceVersion);
      if (!hasRoom) end({ type: 'full' });
    };

    const onDone = (error: unknown) => {
      input.signal.removeEventListener('abort', onStop);
      if (outcome) return resolve(outcome);
      if (!error) return resolve({ type: 'closed' });
      resolve(httpStatusOf(error) === 410 ? { type: 'gone' } : { type: 'failed', error });
    };

    const query = {
      resourceVersion: input.resourceVersion,
      allowWatchBookmarks: true,
      labelSelector: input.source.labelSelector,
      fieldSelector: input.source.fieldSelector,
    };
    new Watch(input.kubeConfig).watch(input.source.watchPath, query, onEvent, onDone).then(
      (controller) => {
        connection = controller;
        if (outcome) controller.abort();
      },
      (error: unknown) => onDone(error),
    );
  });
