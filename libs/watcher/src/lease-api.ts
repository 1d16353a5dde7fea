import type { KubeConfig } from '@kubernetes/client-node/dist/config.js';
import { httpStatusOf, requestKubeJson } from '#rollcall/kube';
import type { LeaseSpec } from './lease-record.js';

export interface Lease {
  readonly apiVersion?: string;
  readonly kind?: string;
  /** Carries resourceVersion, so a replace fails with 409 when another candidate wrote first. */
  readonly metadata?: { readonly name?: string; readonly namespace?: string; readonly resourceVersion?: string };
  readonly spec?: LeaseSpec;
}

const LEASE_TYPE = { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease' } as const;

/** Requests that take longer fail, so a hung API server counts against the renew deadline. */
const LEASE_REQUEST_TIMEOUT_MS = 10_000;

/** Read, create and replace one Lease as plain JSON (the watcher loads no typed client). */
export class LeaseApi {
  private readonly collectionPath: string;
  private readonly leasePath: string;

  constructor(
    private readonly kubeConfig: KubeConfig,
    namespace: string,
    name: string,
  ) {
    this.collectionPath = `/apis/coordination.k8s.io/v1/namespaces/${encodeURIComponent(namespace)}/leases`;
    this.leasePath = `${this.collectionPath}/${encodeURIComponent(name)}`;
  }

  /** The Lease, or null when it does not exist yet. */
  async read(): Promise<Lease | null> {
    try {
      return await this.request('GET', this.leasePath);
    } catch (error) {
      if (httpStatusOf(error) === 404) return null;
      throw error;
    }
  }

  create(lease: Lease): Promise<Lease> {
    return this.request('POST', this.collectionPath, { ...LEASE_TYPE, ...lease });
  }

  replace(lease: Lease): Promise<Lease> {
    return this.request('PUT', this.leasePath, { ...LEASE_TYPE, ...lease });
  }

  private request(method: 'GET' | 'POST' | 'PUT', path: string, body?: Lease): Promise<Lease> {
    return requestKubeJson<Lease>(this.kubeConfig, { method, path, body, timeoutMs: LEASE_REQUEST_TIMEOUT_MS });
  }
}
