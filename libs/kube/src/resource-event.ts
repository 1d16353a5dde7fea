import type { ObservedChange, ResyncReason } from '#rollcall/domain';

/** What a ResourceWatcher reports: relist boundaries and each object it lists or watches. */
export type ResourceEvent<T> =
  | { readonly type: 'RelistStarted'; readonly reason: ResyncReason }
  | { readonly type: 'Object'; readonly change: ObservedChange; readonly object: T }
  | { readonly type: 'RelistCompleted'; readonly reason: ResyncReason; readonly resourceVersion: string };

/**
 * Where a ResourceWatcher delivers. `offer` always takes the event and says whether there is room
 * for more; on false the watcher stops reading (closes the watch, or pauses between list pages)
 * until `whenReady` resolves, then resumes from the last resourceVersion it delivered.
 */
export interface ResourceEventSink<T> {
  offer(event: ResourceEvent<T>): boolean;
  whenReady(): Promise<void>;
}
