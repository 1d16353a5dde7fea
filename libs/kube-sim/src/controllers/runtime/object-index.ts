import type { KubeObject, WatchEventType } from '../../store/cluster-store.port.js';

export type CacheEventType = Exclude<WatchEventType, 'BOOKMARK'>;
export type CacheListener<T> = (type: CacheEventType, object: T, previous: T | undefined) => void;

export interface IndexKeys<T> {
  readonly byOwner?: (object: T) => string | undefined;
  readonly byNode?: (object: T) => string | undefined;
  readonly byNamespace?: boolean;
}

export const objectKey = (object: KubeObject): string => `${object.metadata.namespace ?? ''}/${object.metadata.name}`;

function addTo<T>(groups: Map<string, Map<string, T>>, group: string | undefined, key: string, object: T): void {
  if (group === undefined) return;
  let members = groups.get(group);
  if (members === undefined) groups.set(group, (members = new Map()));
  members.set(key, object);
}

function removeFrom<T>(groups: Map<string, Map<string, T>>, group: string | undefined, key: string): void {
  if (group === undefined) return;
  const members = groups.get(group);
  members?.delete(key);
  if (members?.size === 0) groups.delete(group);
}

/** Files the new version under its group; takes the previous one out of its group only when that differs. */
function regroup<T>(
  groups: Map<string, Map<string, T>>,
  groupOf: ((object: T) => string | undefined) | undefined,
  key: string,
  object: T,
  previous: T | undefined,
): void {
  if (groupOf === undefined) return;
  const group = groupOf(object);
  if (previous !== undefined) {
    const previousGroup = groupOf(previous);
    if (previousGroup !== group) removeFrom(groups, previousGroup, key);
  }
  addTo(groups, group, key, object);
}

const namespaceOf = (object: KubeObject): string | undefined => object.metadata.namespace;

const EMPTY: ReadonlyMap<string, never> = new Map<string, never>();

/** Objects of one resource by `namespace/name`, with secondary indexes so no reconcile scans everything. */
export class ObjectIndex<T extends KubeObject> {
  private readonly all = new Map<string, T>();
  private readonly owners = new Map<string, Map<string, T>>();
  private readonly nodes = new Map<string, Map<string, T>>();
  private readonly namespaces = new Map<string, Map<string, T>>();
  private readonly listeners = new Set<CacheListener<T>>();

  constructor(private readonly keys: IndexKeys<T> = {}) {}

  get size(): number {
    return this.all.size;
  }

  get(namespace: string | undefined, name: string): T | undefined {
    return this.all.get(`${namespace ?? ''}/${name}`);
  }

  values(): IterableIterator<T> {
    return this.all.values();
  }

  ownedBy(uid: string): ReadonlyMap<string, T> {
    return this.owners.get(uid) ?? EMPTY;
  }

  onNode(nodeName: string): ReadonlyMap<string, T> {
    return this.nodes.get(nodeName) ?? EMPTY;
  }

  inNamespace(namespace: string): ReadonlyMap<string, T> {
    return this.namespaces.get(namespace) ?? EMPTY;
  }

  subscribe(listener: CacheListener<T>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  apply(type: CacheEventType, object: T): void {
    const key = objectKey(object);
    const previous = this.all.get(key);
    if (type === 'DELETED') {
      if (previous !== undefined) this.unindex(key, previous);
      this.all.delete(key);
    } else this.index(key, object, previous);
    for (const listener of this.listeners) listener(type, object, previous);
  }

  // Most updates keep an object's owner, node and namespace: it stays in its groups, whose entries
  // are only pointed at the new version.
  private index(key: string, object: T, previous: T | undefined): void {
    this.all.set(key, object);
    regroup(this.owners, this.keys.byOwner, key, object, previous);
    regroup(this.nodes, this.keys.byNode, key, object, previous);
    if (this.keys.byNamespace) regroup(this.namespaces, namespaceOf, key, object, previous);
  }

  private unindex(key: string, object: T): void {
    removeFrom(this.owners, this.keys.byOwner?.(object), key);
    removeFrom(this.nodes, this.keys.byNode?.(object), key);
    if (this.keys.byNamespace) removeFrom(this.namespaces, namespaceOf(object), key);
  }
}
