import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { stringify } from 'yaml';

export interface KubeconfigOptions {
  /** The API server URL, e.g. http://127.0.0.1:18443. */
  readonly server: string;
  /** Cluster, user and context name. Default `rollcall-sim`. */
  readonly name?: string;
  /** The simulator accepts any bearer token. */
  readonly token?: string;
  readonly namespace?: string;
}

/** A kubeconfig (v1 Config) with one cluster, one token user and one current context. */
export const kubeconfigYaml = (options: KubeconfigOptions): string => {
  const name = options.name ?? 'rollcall-sim';
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    // client-node 2.x refuses plain HTTP unless TLS verification is explicitly skipped.
    clusters: [
      { name, cluster: { server: options.server, 'insecure-skip-tls-verify': options.server.startsWith('http:') } },
    ],
    users: [{ name, user: { token: options.token ?? 'rollcall-sim-token' } }],
    contexts: [{ name, context: { cluster: name, user: name, namespace: options.namespace ?? 'default' } }],
    'current-context': name,
    preferences: {},
  });
};

/** Writes the kubeconfig with owner-only permissions, as kubectl expects of a file holding a token. */
export const writeKubeconfig = async (path: string, options: KubeconfigOptions): Promise<void> => {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, kubeconfigYaml(options), { mode: 0o600 });
};
