import { resolve } from 'node:path';
import { createSimulatedCluster, writeKubeconfig } from '#rollcall/kube-sim';
import { KubeSimArgsError, parseKubeSimArgs, USAGE, type KubeSimArgs } from './kube-sim.args.js';

const run = async (args: KubeSimArgs): Promise<void> => {
  const cluster = await createSimulatedCluster({
    nodes: args.nodes,
    readyDelayMs: args.readyDelayMs,
    seed: args.seed,
    host: args.host,
    port: args.port,
  });
  const kubeconfig = resolve(args.kubeconfig);
  await writeKubeconfig(kubeconfig, { server: cluster.url });
  console.log(`kube-sim: Kubernetes API at ${cluster.url} with ${args.nodes} nodes${args.seed ? ' (seeded)' : ''}`);
  console.log(`kube-sim: kubeconfig written to ${kubeconfig}`);
  console.log(`kube-sim: try  kubectl --kubeconfig ${kubeconfig} get nodes`);
  const stop = (): void => {
    void cluster.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
};

const main = async (): Promise<void> => {
  let args: KubeSimArgs;
  try {
    args = parseKubeSimArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof KubeSimArgsError)) throw error;
    console.error(`kube-sim: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (args.help) {
    console.log(USAGE);
    return;
  }
  await run(args);
};

main().catch((error: unknown) => {
  const code = (error as { code?: string }).code;
  console.error(
    code === 'EADDRINUSE' ? 'kube-sim: the port is in use; choose another with --port' : 'kube-sim: failed to start',
    code === 'EADDRINUSE' ? '' : error,
  );
  process.exit(1);
});
