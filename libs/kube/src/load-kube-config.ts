import { KubeConfig } from '@kubernetes/client-node/dist/config.js';

export interface KubeConfigSource {
  /** A kubeconfig file; wins over everything else. */
  readonly kubeconfigPath?: string;
  /** An API server URL with a bearer token (the simulator, a `kubectl proxy`). */
  readonly serverUrl?: string;
  readonly token?: string;
  /** Use the pod's service account. */
  readonly inCluster?: boolean;
}

/** Loads a kubeconfig like kubectl: a given file or URL, in-cluster, else KUBECONFIG or ~/.kube/config. */
export const loadKubeConfig = (source: KubeConfigSource = {}): KubeConfig => {
  const kubeConfig = new KubeConfig();
  if (source.kubeconfigPath) {
    kubeConfig.loadFromFile(source.kubeconfigPath);
  } else if (source.serverUrl) {
    const name = 'rollcall';
    kubeConfig.loadFromOptions({
      // client-node 2.x refuses plain HTTP unless TLS verification is explicitly off.
      clusters: [{ name, server: source.serverUrl, skipTLSVerify: source.serverUrl.startsWith('http:') }],
      users: [{ name, token: source.token ?? 'rollcall' }],
      contexts: [{ name, cluster: name, user: name }],
      currentContext: name,
    });
  } else if (source.inCluster) {
    kubeConfig.loadFromCluster();
  } else {
    kubeConfig.loadFromDefault();
  }
  if (!kubeConfig.getCurrentCluster()) {
    throw new Error('No Kubernetes cluster configured: set KUBECONFIG, pass a kubeconfig path, or run in-cluster');
  }
  return kubeConfig;
};
