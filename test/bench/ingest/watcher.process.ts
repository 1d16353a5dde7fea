// The watcher alone in a child process, so the benchmark reads its resident memory and nothing else's.
import { loadKubeConfig } from '#rollcall/kube';
import { KafkaEventBus } from '#rollcall/messaging';
import { ClusterWatcher } from '#rollcall/watcher';

const setting = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set for the watcher process`);
  return value;
};

const bus = new KafkaEventBus({
  brokers: setting('KAFKA_BROKERS').split(','),
  clientId: 'ingest-bench-watcher',
  logger: { warn: () => undefined, error: (message) => console.error(message) },
});
const watcher = new ClusterWatcher(
  { kubeConfig: loadKubeConfig({ serverUrl: setting('KUBE_SIM_URL') }), bus },
  { topic: setting('WATCHER_TOPIC'), lease: null },
);

process.on('message', (message) => {
  if (message === 'rss') process.send?.({ rss: process.memoryUsage.rss(), memory: process.memoryUsage() });
  if (message === 'stop')
    void watcher
      .stop()
      .then(() => bus.close())
      .finally(() => process.exit(0));
});
// A benchmark that dies must not leave its watcher behind.
process.once('disconnect', () => process.exit(0));
await watcher.start();
process.send?.({ started: true });
