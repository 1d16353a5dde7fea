/** Extra pod start delay per node, set by the slow-node fault and read by the kubelet stand-in. */
export class NodeSlowness {
  private readonly extraMs = new Map<string, number>();

  set(nodeName: string, extraStartDelayMs: number): void {
    if (extraStartDelayMs > 0) this.extraMs.set(nodeName, extraStartDelayMs);
    else this.extraMs.delete(nodeName);
  }

  of(nodeName: string): number {
    return this.extraMs.get(nodeName) ?? 0;
  }
}
