/** Node-level faults the controllers apply; the HTTP layer exposes them under /sim/. */
export interface NodeFaults {
  /** The node object disappears (as if the machine was removed); its pods are deleted. */
  vanish(nodeName: string): void;
  /** A vanished node comes back with its former labels and taints. */
  restore(nodeName: string): void;
  /** Sets the node's Ready condition (False makes the kubelet stand-in stop starting pods there). */
  setReady(nodeName: string, ready: boolean): void;
  /** Adds this many milliseconds to every pod start on the node (0 clears it). */
  setSlow(nodeName: string, extraStartDelayMs: number): void;
}
