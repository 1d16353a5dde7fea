import type { NodeWire } from '../kube-wire.types.js';

export function nodeIsReady(node: NodeWire | undefined): boolean {
  return node?.status?.conditions?.find((condition) => condition.type === 'Ready')?.status === 'True';
}

export function nodeInternalIp(node: NodeWire | undefined): string {
  return node?.status?.addresses?.find((address) => address.type === 'InternalIP')?.address ?? '10.0.0.1';
}

/** Hands out pod IPs from 10.244.0.0/14, one after another, as a cluster CNI would from node ranges. */
export class PodIpAllocator {
  private next = 2;

  allocate(): string {
    const value = this.next++;
    return `10.${244 + ((value >> 16) & 3)}.${(value >> 8) & 255}.${value & 255}`;
  }
}
