import type { KubeObject } from './cluster-store.port.js';
import { SortedKeys } from './sorted-keys.js';
import type { StoredEntry } from './stored-entry.js';

const nodeNameOf = (object: KubeObject): string =>
  ((object.spec as { nodeName?: string } | undefined)?.nodeName ?? '') || '';

/** The objects of one resource: by key, in key order, and (for pods) by node, the kubelet's hot query. */
export class ResourceTable {
  readonly entries = new Map<string, StoredEntry>();
  readonly keys = new SortedKeys();
  private readonly byNode = new Map<string, Set<string>>();

  constructor(private readonly indexByNode: boolean) {}

  put(entry: StoredEntry): void {
    const previous = this.entries.get(entry.key);
    if (previous) this.unindex(previous);
    else this.keys.add(entry.key);
    this.entries.set(entry.key, entry);
    if (this.indexByNode) {
      const node = nodeNameOf(entry.object);
      const keys = this.byNode.get(node) ?? new Set();
      this.byNode.set(node, keys.add(entry.key));
    }
  }

  remove(key: string): void {
    const previous = this.entries.get(key);
    if (!previous) return;
    this.unindex(previous);
    this.entries.delete(key);
    this.keys.remove(key);
  }

  /** Sorted keys of the pods bound to `nodeName`, or undefined when this table has no node index. */
  keysOnNode(nodeName: string): string[] | undefined {
    if (!this.indexByNode) return undefined;
    return [...(this.byNode.get(nodeName) ?? [])].sort();
  }

  private unindex(entry: StoredEntry): void {
    if (!this.indexByNode) return;
    const node = nodeNameOf(entry.object);
    const keys = this.byNode.get(node);
    keys?.delete(entry.key);
    if (keys?.size === 0) this.byNode.delete(node);
  }
}
