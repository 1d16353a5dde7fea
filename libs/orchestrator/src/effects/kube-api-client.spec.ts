import { HttpMethod, KubeConfig, RequestContext } from '@kubernetes/client-node';
import { ConnectionReusingAuth } from './kube-api-client.js';

function simulatorConfig(): KubeConfig {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: [{ name: 'sim', server: 'http://127.0.0.1:6443', skipTLSVerify: true }],
    users: [{ name: 'sim', token: 'secret' }],
    contexts: [{ name: 'sim', cluster: 'sim', user: 'sim' }],
    currentContext: 'sim',
  });
  return kubeConfig;
}

const request = () => new RequestContext('http://127.0.0.1:6443/api/v1/pods', HttpMethod.GET);

describe('ConnectionReusingAuth', () => {
  it('hands every request the same dispatcher, where client-node builds one per request', async () => {
    const kubeConfig = simulatorConfig();
    const auth = new ConnectionReusingAuth(kubeConfig);
    const [first, second, plainFirst, plainSecond] = [request(), request(), request(), request()];

    await auth.applySecurityAuthentication(first);
    await auth.applySecurityAuthentication(second);
    await kubeConfig.applySecurityAuthentication(plainFirst);
    await kubeConfig.applySecurityAuthentication(plainSecond);

    expect(first.getDispatcher()).toBeDefined();
    expect(second.getDispatcher()).toBe(first.getDispatcher());
    expect(plainSecond.getDispatcher()).not.toBe(plainFirst.getDispatcher());
    await Promise.all([first, plainFirst, plainSecond].map((context) => context.getDispatcher()?.close()));
  });

  it('still applies the kubeconfig credentials', async () => {
    const context = request();

    await new ConnectionReusingAuth(simulatorConfig()).applySecurityAuthentication(context);

    expect(context.getHeaders().Authorization).toBe('Bearer secret');
  });
});
