import { AppsV1Api, CoreV1Api, KubeConfig, PolicyV1Api } from '@kubernetes/client-node';

export interface ClusterClients {
  readonly kubeConfig: KubeConfig;
  readonly core: CoreV1Api;
  readonly apps: AppsV1Api;
  readonly policy: PolicyV1Api;
}

/** The real @kubernetes/client-node clients, pointed at a simulated cluster's URL. */
export function clusterClients(url: string): ClusterClients {
  const kubeConfig = new KubeConfig();
  // client-node 2.x refuses plain http unless TLS verification is explicitly off for the cluster.
  kubeConfig.loadFromOptions({
    clusters: [{ name: 'kube-sim', server: url, skipTLSVerify: true }],
    users: [{ name: 'kube-sim', token: 'kube-sim' }],
    contexts: [{ name: 'kube-sim', cluster: 'kube-sim', user: 'kube-sim' }],
    currentContext: 'kube-sim',
  });
  return {
    kubeConfig,
    core: kubeConfig.makeApiClient(CoreV1Api),
    apps: kubeConfig.makeApiClient(AppsV1Api),
    policy: kubeConfig.makeApiClient(PolicyV1Api),
  };
}
