import type { V1ObjectMeta } from '@kubernetes/client-node';

/** The resources the simulator serves, by their plural REST name. */
export type ResourceName =
  'namespaces' | 'nodes' | 'pods' | 'events' | 'daemonsets' | 'controllerrevisions' | 'poddisruptionbudgets' | 'leases';

/** Any stored object, as it travels over the wire (JSON, camelCase, like the real API server). */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: V1ObjectMeta;
  [field: string]: unknown;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK';

export interface StoreWatchEvent {
  readonly type: WatchEventType;
  readonly object: KubeObject;
  /** The object's JSON text when the store has it at hand (shared, so a watch stream need not copy). */
  readonly objectJson?: string;
  /**
   * The stored version itself when the store has it at hand: shared with every reader and never
   * changed by the store, so a reader that only reads (the controllers' cache) need not copy it.
   * Changing it would change the store.
   */
  readonly sharedObject?: Readonly<KubeObject>;
}

export interface ListFilter {
  /** Undefined means all namespaces (or a cluster-scoped resource). */
  readonly namespace?: string;
  /** Kubernetes label selector syntax: `a=b,c!=d,e in (f,g),!h`. */
  readonly labelSelector?: string;
  /** Kubernetes field selector syntax: `spec.nodeName=n1,metadata.name!=x`. */
  readonly fieldSelector?: string;
}

/** A list filter plus pagination, like `?limit=&continue=` on the real API server. */
export interface ListOptions extends ListFilter {
  /** At most this many items; the result then carries a `continue` token when more remain. */
  readonly limit?: number;
  /** The token of the previous page. Throws Expired when its resourceVersion was compacted. */
  readonly continue?: string;
}

export interface ListResult {
  readonly items: KubeObject[];
  /** The store's resourceVersion at the time of the list, as a decimal string. */
  readonly resourceVersion: string;
  /** Present when a `limit` cut the list short: pass it back as `continue` for the next page. */
  readonly continue?: string;
  /** How many items follow this page (only without selectors, like the real API server). */
  readonly remainingItemCount?: number;
}

/** A list page whose items are JSON texts shared with the store: what the HTTP layer writes out. */
export interface JsonListResult extends Omit<ListResult, 'items'> {
  readonly items: readonly string[];
}

export interface DeleteOptions {
  readonly preconditions?: { readonly uid?: string; readonly resourceVersion?: string };
  /** 0 deletes at once; otherwise the object gets deletionTimestamp and is removed when the grace elapses. */
  readonly gracePeriodSeconds?: number;
}

export interface WatchOptions extends ListFilter {
  /** Deliver every change after this resourceVersion; undefined starts at "now" (no replay). */
  readonly sinceResourceVersion?: string;
}

/** Why a store call was refused; the API layer maps each to a Kubernetes Status (code and reason). */
export type StoreErrorReason =
  'NotFound' | 'AlreadyExists' | 'Conflict' | 'Gone' | 'Expired' | 'Invalid' | 'BadRequest';

export class StoreError extends Error {
  constructor(
    readonly reason: StoreErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/**
 * The simulated cluster's object store: one global, monotonically increasing resourceVersion,
 * like etcd behind the real API server. All calls are synchronous, so a call is atomic within
 * the single Node.js thread; controllers and the HTTP layer share one instance.
 */
export interface ClusterStore {
  /** The newest resourceVersion issued, as a decimal string. */
  currentResourceVersion(): string;
  get(resource: ResourceName, namespace: string | undefined, name: string): KubeObject | undefined;
  list(resource: ResourceName, options?: ListOptions): ListResult;
  /** Like `list`, without copying: items are the stored objects' JSON texts. */
  listJson(resource: ResourceName, options?: ListOptions): JsonListResult;
  /** Sets uid, resourceVersion, creationTimestamp and generation (1) when it has a spec. Throws AlreadyExists. */
  create(resource: ResourceName, object: KubeObject): KubeObject;
  /**
   * Replaces an object. A non-empty `metadata.resourceVersion` must match the stored one (else Conflict).
   * `subresource: 'status'` changes only `.status`; otherwise `.status` is kept and `metadata.generation`
   * moves forward when `.spec` (or a DaemonSet's template) changed.
   */
  update(resource: ResourceName, object: KubeObject, options?: { readonly subresource?: 'status' }): KubeObject;
  /**
   * Read-modify-write for controllers: `change` gets the stored version itself, read-only all the way
   * down (frozen under test), and returns a new object built from it with spreads, which the store may
   * keep as it is (keep no references into it). Returns the stored version itself, shared and
   * read-only (like `StoreWatchEvent.sharedObject`).
   */
  mutate(
    resource: ResourceName,
    namespace: string | undefined,
    name: string,
    change: (current: Readonly<KubeObject>) => KubeObject,
    options?: { readonly subresource?: 'status' },
  ): Readonly<KubeObject>;
  /** Throws NotFound, or Conflict when a precondition fails. Returns the deleted (or terminating) object. */
  delete(resource: ResourceName, namespace: string | undefined, name: string, options?: DeleteOptions): KubeObject;
  /**
   * Streams changes matching the filter. Throws Gone when `sinceResourceVersion` is older than the
   * oldest change still kept (after compaction). Returns a function that stops the watch.
   */
  watch(resource: ResourceName, options: WatchOptions, onEvent: (event: StoreWatchEvent) => void): () => void;
  /** Forgets the change history up to now, so older resourceVersions get Gone (fault injection). */
  compact(): void;
}
