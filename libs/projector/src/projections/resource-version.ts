/** Kubernetes calls resourceVersion opaque; every real server and the simulator use an etcd-style integer. */
export function resourceVersionOf(value: string): bigint | null {
  return /^\d{1,18}$/.test(value) ? BigInt(value) : null;
}
