import type { ResourceName } from './cluster-store.port.js';
import type { StoredEntry } from './stored-entry.js';

export interface Change {
  readonly resourceVersion: number;
  readonly resource: ResourceName;
  readonly type: 'ADDED' | 'MODIFIED' | 'DELETED';
  readonly entry: StoredEntry;
  /** The version before a MODIFIED change, so a selector watch can tell an object left its selection. */
  readonly previous?: StoredEntry;
}

/** The last `capacity` changes, in resourceVersion order; what watches replay from. */
export class ChangeLog {
  private changes: Change[] = [];
  private start = 0;
  /** Every change up to this resourceVersion is forgotten. */
  private forgottenThrough = 0;

  constructor(private readonly capacity: number) {}

  get compactedThrough(): number {
    return this.forgottenThrough;
  }

  append(change: Change): void {
    this.changes.push(change);
    if (this.changes.length - this.start > this.capacity) {
      this.forgottenThrough = this.changes[this.start].resourceVersion;
      this.start++;
    }
    // Drops the forgotten head in one go once it is as long as what is kept, so appends stay O(1) amortised.
    if (this.start > this.capacity) {
      this.changes = this.changes.slice(this.start);
      this.start = 0;
    }
  }

  /** Forgets every change up to `resourceVersion`. */
  compact(resourceVersion: number): void {
    this.changes = this.changes.slice(this.start).filter((change) => change.resourceVersion > resourceVersion);
    this.start = 0;
    this.forgottenThrough = Math.max(this.forgottenThrough, resourceVersion);
  }

  /** The kept changes after `resourceVersion`; the caller checks `compactedThrough` first. */
  *since(resourceVersion: number): Iterable<Change> {
    let low = this.start;
    let high = this.changes.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.changes[middle].resourceVersion <= resourceVersion) low = middle + 1;
      else high = middle;
    }
    for (let at = low; at < this.changes.length; at++) yield this.changes[at];
  }
}
