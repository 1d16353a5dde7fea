import {
  createConfiguration,
  ServerConfiguration,
  setHeaderMiddleware,
  type ApiConstructor,
  type ApiType,
  type KubeConfig,
  type RequestContext,
  type SecurityAuthentication,
} from '@kubernetes/client-node';

type Dispatcher = NonNullable<ReturnType<RequestContext['getDispatcher']>>;

/**
 * The kubeconfig's credentials, with one connection pool for every request. client-node 2.x builds
 * a new undici Agent per request whenever the cluster has TLS options (a CA, client certificates,
 * skipTLSVerify), so each eviction opened, and left open, a connection of its own.
 */
export class ConnectionReusingAuth implements SecurityAuthentication {
  private dispatcher: Dispatcher | undefined;

  constructor(private readonly kubeConfig: KubeConfig) {}

  getName(): string {
    return 'kubeconfig authentication over one connection pool';
  }

  async applySecurityAuthentication(context: RequestContext): Promise<void> {
    await this.kubeConfig.applySecurityAuthentication(context);
    const built = context.getDispatcher();
    if (built === undefined) return;
    this.dispatcher ??= built;
    // The spare Agent never opened a connection; closing it only releases it.
    if (built !== this.dispatcher) built.close().catch(() => undefined);
    context.setDispatcher(this.dispatcher);
  }
}

/** `kubeConfig.makeApiClient`, but every request of the client shares one connection pool. */
export function makeConnectionReusingApiClient<T extends ApiType>(
  kubeConfig: KubeConfig,
  apiClientType: ApiConstructor<T>,
): T {
  const cluster = kubeConfig.getCurrentCluster();
  if (!cluster) throw new Error('No active cluster in the kubeconfig');
  const config = createConfiguration({
    baseServer: new ServerConfiguration(cluster.server, {}),
    authMethods: { default: new ConnectionReusingAuth(kubeConfig) },
    middleware: [setHeaderMiddleware('User-Agent', 'rollcall-orchestrator')],
  });
  return new apiClientType(config);
}
