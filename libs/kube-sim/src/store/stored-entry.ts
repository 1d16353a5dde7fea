import type { KubeObject } from './cluster-store.port.js';

/**
 * One stored version of an object. The object is never mutated after it is stored; its JSON text
 * is computed once, shared by HTTP responses and watch streams, and parsed into callers' copies.
 */
export class StoredEntry {
  private json: string | undefined;

  constructor(
    readonly key: string,
    readonly object: KubeObject,
  ) {}

  toJson(): string {
    this.json ??= JSON.stringify(this.object);
    return this.json;
  }

  copy(): KubeObject {
    return JSON.parse(this.toJson()) as KubeObject;
  }
}
