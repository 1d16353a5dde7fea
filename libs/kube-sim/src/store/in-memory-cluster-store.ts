import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import {
  StoreError,
  type ClusterStore,
  type DeleteOptions,
  type JsonListResult,
  type KubeObject,
  type ListOptions,
  type ListResult,
  type ResourceName,
  type StoreWatchEvent,
  type WatchOptions,
} from './cluster-store.port.js';
import { ChangeLog } from './change-log.js';
import { decodeContinueToken, encodeContinueToken } from './continue-token.js';
import { matchesFields, parseFieldSelector } from './field-selector.js';
import { matchesLabels, parseLabelSelector } from './label-selector.js';
import { kubeTimestamp, prepareForCreate, prepareForStatusUpdate, prepareForUpdate } from './object-lifecycle.js';
import { podGracePeriodSeconds } from './pod-termination.js';
import { isPlainJson } from './plain-json.js';
import { deepFreeze } from './deep-freeze.js';
import { RESOURCE_CATALOG, RESOURCE_NAMES, type ResourceInfo } from './resource-catalog.js';
import { ResourceTable } from './resource-table.js';
import { StoredEntry } from './stored-entry.js';
import { WatchHub } from './watch-hub.js';

export interface InMemoryClusterStoreOptions {
  /** How many changes watches can replay; older resourceVersions get Gone. Default 50,000. */
  readonly changeLogCapacity?: number;
  /** The clock for metadata timestamps. */
  readonly now?: () => Date;
  /** Creates default, kube-system, kube-public and kube-node-lease, like a fresh cluster. Default true. */
  readonly seedNamespaces?: boolean;
  /**
   * Freezes every stored version, so code that changes a shared object (a cached one, `mutate`'s
   * result) throws instead of silently changing the store. Default: under tests (NODE_ENV=test).
   */
  readonly freezeStoredObjects?: boolean;
}

interface PageOfEntries {
  readonly entries: StoredEntry[];
  readonly resourceVersion: string;
  readonly continue?: string;
  readonly remainingItemCount?: number;
}

const EXPIRED_CONTINUE =
  'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.';

const keyOf = (info: ResourceInfo, namespace: string | undefined, name: string): string =>
  `${info.namespaced ? (namespace ?? '') : ''}/${name}`;

const qualified = (info: ResourceInfo): string => (info.group ? `${info.resource}.${info.group}` : info.resource);

// Defensive copy on the way in: callers keep no reference into the store.
const intake = (object: KubeObject): KubeObject => JSON.parse(JSON.stringify(object)) as KubeObject;

export class InMemoryClusterStore implements ClusterStore {
  private revision = 0;
  private readonly tables = new Map<ResourceName, ResourceTable>();
  private readonly log: ChangeLog;
  private readonly hub = new WatchHub();
  private readonly deletionTimers = new Map<string, NodeJS.Timeout>();
  private readonly now: () => Date;
  private readonly freezeStoredObjects: boolean;

  constructor(options: InMemoryClusterStoreOptions = {}) {
    this.log = new ChangeLog(options.changeLogCapacity ?? 50_000);
    this.now = options.now ?? (() => new Date());
    this.freezeStoredObjects = options.freezeStoredObjects ?? process.env.NODE_ENV === 'test';
    for (const resource of RESOURCE_NAMES) this.tables.set(resource, new ResourceTable(resource === 'pods'));
    if (options.seedNamespaces ?? true) {
      for (const name of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
        this.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
      }
    }
  }

  currentResourceVersion(): string {
    return String(this.revision);
  }

  get(resource: ResourceName, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.entry(resource, namespace, name)?.copy();
  }

  list(resource: ResourceName, options: ListOptions = {}): ListResult {
    const { entries, ...page } = this.page(resource, options);
    return { ...page, items: entries.map((entry) => entry.copy()) };
  }

  listJson(resource: ResourceName, options: ListOptions = {}): JsonListResult {
    const { entries, ...page } = this.page(resource, options);
    return { ...page, items: entries.map((entry) => entry.toJson()) };
  }

  create(resource: ResourceName, object: KubeObject): KubeObject {
    const info = RESOURCE_CATALOG[resource];
    const prepared = prepareForCreate(info, intake(object), {
      uid: randomUUID(),
      resourceVersion: '',
      now: this.now(),
    });
    const key = keyOf(info, prepared.metadata.namespace, prepared.metadata.name ?? '');
    if (this.table(resource).entries.has(key)) {
      throw new StoreError('AlreadyExists', `${qualified(info)} "${prepared.metadata.name}" already exists`);
    }
    return this.write(resource, key, prepared, 'ADDED').copy();
  }

  update(resource: ResourceName, object: KubeObject, options: { readonly subresource?: 'status' } = {}): KubeObject {
    return this.replace(resource, intake(object), options).copy();
  }

  mutate(
    resource: ResourceName,
    namespace: string | undefined,
    name: string,
    change: (current: Readonly<KubeObject>) => KubeObject,
    options: { readonly subresource?: 'status' } = {},
  ): Readonly<KubeObject> {
    // No copy: `change` builds a new object from the stored version, so the parts it leaves alone stay
    // shared with it, and the no-change check below compares them by reference instead of member by member.
    const current = this.existing(resource, namespace, name).object;
    const changed = change(current);
    const proposed = {
      ...changed,
      metadata: { ...changed.metadata, namespace, name, resourceVersion: current.metadata.resourceVersion },
    };
    // Taken as it is when JSON would not change it; otherwise through JSON (an undefined field would
    // make an unchanged object look changed). The stored version is returned shared: no copy per write.
    const incoming = isPlainJson(proposed, current) ? proposed : intake(proposed);
    return this.replace(resource, incoming, options).object;
  }

  /** Update rules, the optimistic-concurrency check and the write; `incoming` is the store's to keep. */
  private replace(
    resource: ResourceName,
    incoming: KubeObject,
    options: { readonly subresource?: 'status' },
  ): StoredEntry {
    const info = RESOURCE_CATALOG[resource];
    const stored = this.existing(resource, incoming.metadata?.namespace, incoming.metadata?.name ?? '');
    const requested = incoming.metadata.resourceVersion;
    if (requested && requested !== stored.object.metadata.resourceVersion) {
      throw new StoreError(
        'Conflict',
        `Operation cannot be fulfilled on ${qualified(info)} "${stored.object.metadata.name}": the object has been modified; please apply your changes to the latest version and try again`,
      );
    }
    const next =
      options.subresource === 'status'
        ? prepareForStatusUpdate(stored.object, incoming)
        : prepareForUpdate(info, stored.object, incoming);
    next.metadata.resourceVersion = stored.object.metadata.resourceVersion;
    // Like etcd's GuaranteedUpdate: an unchanged object is not written, and no event is sent.
    if (isDeepStrictEqual(next, stored.object)) return stored;
    return this.write(resource, stored.key, next, 'MODIFIED', stored);
  }

  delete(resource: ResourceName, namespace: string | undefined, name: string, options: DeleteOptions = {}): KubeObject {
    const stored = this.existing(resource, namespace, name);
    this.checkPreconditions(stored.object, options);
    if (resource === 'pods') {
      const grace = podGracePeriodSeconds(stored.object, options.gracePeriodSeconds);
      if (grace > 0) return this.startGracefulDeletion(stored, grace).copy();
    }
    return this.remove(resource, stored).copy();
  }

  watch(resource: ResourceName, options: WatchOptions, onEvent: (event: StoreWatchEvent) => void): () => void {
    const info = RESOURCE_CATALOG[resource];
    const labels = parseLabelSelector(options.labelSelector);
    const fields = parseFieldSelector(options.fieldSelector, info);
    const namespace = info.namespaced ? options.namespace : undefined;
    const since = options.sinceResourceVersion === undefined ? this.revision : Number(options.sinceResourceVersion);
    if (!Number.isInteger(since) || since < 0) {
      throw new StoreError('BadRequest', `invalid resource version: ${options.sinceResourceVersion}`);
    }
    if (since < this.log.compactedThrough) {
      throw new StoreError('Gone', `too old resource version: ${since} (${this.log.compactedThrough})`);
    }
    return this.hub.subscribe(
      {
        resource,
        deliveredThrough: since,
        onEvent,
        matches: (object) =>
          (namespace === undefined || object.metadata.namespace === namespace) &&
          matchesLabels(labels, object.metadata.labels) &&
          matchesFields(fields, object),
      },
      this.log.since(since),
    );
  }

  compact(): void {
    this.log.compact(this.revision);
  }

  /** Cancels pending graceful-deletion timers (objects stay terminating). */
  dispose(): void {
    for (const timer of this.deletionTimers.values()) clearTimeout(timer);
    this.deletionTimers.clear();
  }

  private table(resource: ResourceName): ResourceTable {
    const table = this.tables.get(resource);
    if (!table) throw new StoreError('NotFound', `the server could not find the requested resource (${resource})`);
    return table;
  }

  private entry(resource: ResourceName, namespace: string | undefined, name: string): StoredEntry | undefined {
    return this.table(resource).entries.get(keyOf(RESOURCE_CATALOG[resource], namespace, name));
  }

  private existing(resource: ResourceName, namespace: string | undefined, name: string): StoredEntry {
    const found = this.entry(resource, namespace, name);
    if (!found) throw new StoreError('NotFound', `${qualified(RESOURCE_CATALOG[resource])} "${name}" not found`);
    return found;
  }

  private write(
    resource: ResourceName,
    key: string,
    object: KubeObject,
    type: 'ADDED' | 'MODIFIED' | 'DELETED',
    previous?: StoredEntry,
  ): StoredEntry {
    const resourceVersion = ++this.revision;
    object.metadata.resourceVersion = String(resourceVersion);
    const entry = new StoredEntry(key, this.freezeStoredObjects ? deepFreeze(object) : object);
    if (type === 'DELETED') this.table(resource).remove(key);
    else this.table(resource).put(entry);
    this.log.append({ resourceVersion, resource, type, entry, previous });
    this.hub.publish({ resourceVersion, resource, type, entry, previous });
    return entry;
  }

  private remove(resource: ResourceName, stored: StoredEntry): StoredEntry {
    const timerKey = `${resource}${stored.key}`;
    clearTimeout(this.deletionTimers.get(timerKey));
    this.deletionTimers.delete(timerKey);
    const last = { ...stored.object, metadata: { ...stored.object.metadata } };
    return this.write(resource, stored.key, last, 'DELETED');
  }

  private startGracefulDeletion(stored: StoredEntry, graceSeconds: number): StoredEntry {
    const deadline = new Date(this.now().getTime() + graceSeconds * 1000);
    const current = stored.object.metadata.deletionTimestamp as unknown as string | undefined;
    // A second delete may shorten the grace period, never lengthen it.
    if (current !== undefined && Date.parse(current) <= deadline.getTime()) return stored;
    const metadata = { ...stored.object.metadata, deletionGracePeriodSeconds: graceSeconds };
    metadata.deletionTimestamp = kubeTimestamp(deadline) as unknown as Date;
    if (metadata.generation !== undefined) metadata.generation += 1;
    const terminating = this.write('pods', stored.key, { ...stored.object, metadata }, 'MODIFIED', stored);
    const timerKey = `pods${stored.key}`;
    clearTimeout(this.deletionTimers.get(timerKey));
    const uid = stored.object.metadata.uid;
    const timer = setTimeout(() => {
      this.deletionTimers.delete(timerKey);
      const now = this.table('pods').entries.get(stored.key);
      if (now && now.object.metadata.uid === uid) this.remove('pods', now);
    }, graceSeconds * 1000);
    timer.unref();
    this.deletionTimers.set(timerKey, timer);
    return terminating;
  }

  private checkPreconditions(object: KubeObject, options: DeleteOptions): void {
    const { uid, resourceVersion } = options.preconditions ?? {};
    if (uid && uid !== object.metadata.uid) {
      throw new StoreError(
        'Conflict',
        `Precondition failed: UID in precondition: ${uid}, UID in object meta: ${object.metadata.uid}`,
      );
    }
    if (resourceVersion && resourceVersion !== object.metadata.resourceVersion) {
      throw new StoreError(
        'Conflict',
        `Precondition failed: ResourceVersion in precondition: ${resourceVersion}, ResourceVersion in object meta: ${object.metadata.resourceVersion}`,
      );
    }
  }

  private page(resource: ResourceName, options: ListOptions): PageOfEntries {
    const info = RESOURCE_CATALOG[resource];
    const labels = parseLabelSelector(options.labelSelector);
    const fields = parseFieldSelector(options.fieldSelector, info);
    let resourceVersion = this.revision;
    let afterKey: string | undefined;
    if (options.continue) {
      const position = decodeContinueToken(options.continue);
      if (position.resourceVersion < this.log.compactedThrough) throw new StoreError('Expired', EXPIRED_CONTINUE);
      resourceVersion = position.resourceVersion;
      afterKey = position.afterKey;
    }
    const prefix = info.namespaced && options.namespace ? `${options.namespace}/` : '';
    const nodeName = fields.find((field) => field.field === 'spec.nodeName' && field.operator === '=')?.value;
    const table = this.table(resource);
    const keys = this.candidateKeys(table, prefix, afterKey, nodeName);
    const limit = options.limit && options.limit > 0 ? options.limit : Number.POSITIVE_INFINITY;
    const entries: StoredEntry[] = [];
    let lastKey: string | undefined;
    let more = false;
    for (const key of keys) {
      if (entries.length >= limit) {
        more = true;
        break;
      }
      lastKey = key;
      const entry = table.entries.get(key);
      if (entry && matchesLabels(labels, entry.object.metadata.labels) && matchesFields(fields, entry.object)) {
        entries.push(entry);
      }
    }
    if (!more || lastKey === undefined) return { entries, resourceVersion: String(resourceVersion) };
    const unfiltered = labels.length === 0 && fields.length === 0;
    return {
      entries,
      resourceVersion: String(resourceVersion),
      continue: encodeContinueToken({ resourceVersion, afterKey: lastKey }),
      remainingItemCount: unfiltered ? this.countAfter(table, prefix, lastKey) : undefined,
    };
  }

  private *candidateKeys(table: ResourceTable, prefix: string, afterKey: string | undefined, nodeName?: string) {
    const onNode = nodeName === undefined ? undefined : table.keysOnNode(nodeName);
    if (onNode) {
      for (const key of onNode) if (key.startsWith(prefix) && (afterKey === undefined || key > afterKey)) yield key;
      return;
    }
    let at = table.keys.lowerBound(afterKey !== undefined && afterKey >= prefix ? afterKey : prefix);
    if (table.keys.at(at) === afterKey) at++;
    for (let key = table.keys.at(at); key !== undefined && key.startsWith(prefix); key = table.keys.at(++at)) yield key;
  }

  private countAfter(table: ResourceTable, prefix: string, lastKey: string): number {
    const end = prefix ? table.keys.lowerBound(prefix.slice(0, -1) + '0') : table.keys.size;
    return end - table.keys.lowerBound(lastKey) - 1;
  }
}
