import { Kafka, logLevel } from 'kafkajs';

/** Polls describeCluster until the broker answers; rejects with the last error after `timeoutMs`. */
export async function waitForKafka(
  brokers: string,
  timeoutMs: number,
  stillWorthWaiting: () => boolean,
): Promise<void> {
  const kafka = new Kafka({
    clientId: 'rollcall-test-setup',
    brokers: brokers.split(','),
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1_000,
    retry: { retries: 0 },
  });
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline && stillWorthWaiting()) {
    const admin = kafka.admin();
    try {
      await admin.connect();
      await admin.describeCluster();
      return;
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }
  throw new Error(
    `Kafka at ${brokers} did not answer describeCluster: ${(lastError as Error | undefined)?.message ?? 'the broker exited'}`,
  );
}
