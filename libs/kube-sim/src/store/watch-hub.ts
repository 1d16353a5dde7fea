import type { KubeObject, ResourceName, StoreWatchEvent, WatchEventType } from './cluster-store.port.js';
import type { Change } from './change-log.js';
import type { StoredEntry } from './stored-entry.js';

export interface WatchListener {
  readonly resource: ResourceName;
  readonly matches: (object: KubeObject) => boolean;
  readonly onEvent: (event: StoreWatchEvent) => void;
  /** Changes up to here were delivered (or predate the watch). */
  deliveredThrough: number;
}

/** A watch event whose private copy of the object is made only when someone reads `object`. */
class LazyWatchEvent implements StoreWatchEvent {
  private copied: KubeObject | undefined;

  constructor(
    readonly type: WatchEventType,
    private readonly entry: StoredEntry,
  ) {}

  get object(): KubeObject {
    this.copied ??= this.entry.copy();
    return this.copied;
  }

  get objectJson(): string {
    return this.entry.toJson();
  }

  get sharedObject(): Readonly<KubeObject> {
    return this.entry.object;
  }
}

// A change seen through a selector: leaving the selection is a deletion, entering it an addition.
const eventTypeFor = (change: Change, listener: WatchListener): WatchEventType | undefined => {
  const matchesNow = listener.matches(change.entry.object);
  if (change.type !== 'MODIFIED') return matchesNow ? change.type : undefined;
  const matchedBefore = change.previous !== undefined && listener.matches(change.previous.object);
  if (matchesNow) return matchedBefore ? 'MODIFIED' : 'ADDED';
  return matchedBefore ? 'DELETED' : undefined;
};

/** Delivers changes to watch listeners in resourceVersion order, also when a listener writes to the store. */
export class WatchHub {
  private readonly listeners = new Map<ResourceName, Set<WatchListener>>();
  private readonly queue: Change[] = [];
  private dispatching = false;

  subscribe(listener: WatchListener, replay: Iterable<Change>): () => void {
    for (const change of replay) if (change.resource === listener.resource) this.deliver(change, listener);
    const set = this.listeners.get(listener.resource) ?? new Set();
    this.listeners.set(listener.resource, set);
    set.add(listener);
    return () => set.delete(listener);
  }

  publish(change: Change): void {
    this.queue.push(change);
    if (this.dispatching) return;
    this.dispatching = true;
    try {
      for (let next = this.queue.shift(); next; next = this.queue.shift()) {
        for (const listener of this.listeners.get(next.resource) ?? []) this.deliver(next, listener);
      }
    } finally {
      this.dispatching = false;
    }
  }

  private deliver(change: Change, listener: WatchListener): void {
    if (change.resourceVersion <= listener.deliveredThrough) return;
    listener.deliveredThrough = change.resourceVersion;
    const type = eventTypeFor(change, listener);
    if (!type) return;
    try {
      listener.onEvent(new LazyWatchEvent(type, change.entry));
    } catch (error) {
      // One failing watcher must not stop the others nor the write that caused the change.
      console.error(`kube-sim: a ${change.resource} watch listener threw`, error);
    }
  }
}
