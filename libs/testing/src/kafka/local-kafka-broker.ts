import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { openSync, closeSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '#rollcall/postgres';
import type { ProvidedKafka } from '../provided-service.js';
import { log4j2Properties, serverProperties } from './kafka-broker-config.js';
import { findJava17 } from './java-runtime.js';
import { kafkaJars, kafkaVersion } from './kafka-jars.js';
import { runCommand, tail } from './run-command.js';
import { waitForKafka } from './wait-for-kafka.js';

const startTimeoutMs = 60_000;

/** Kafka's cluster ids are 16 random bytes in unpadded URL-safe base64. */
function newClusterId(): string {
  return Buffer.from(randomUUID().replace(/-/g, ''), 'hex').toString('base64url');
}

async function logTail(file: string): Promise<string> {
  return tail(await readFile(file, 'utf8').catch(() => '(no log written)'));
}

/** A real single-node Apache Kafka (KRaft) from the Maven Central jars, in a fresh temporary directory. */
export async function startLocalKafkaBroker(): Promise<ProvidedKafka> {
  const java = await findJava17();
  const libs = await kafkaJars();
  const home = await mkdtemp(join(tmpdir(), 'rollcall-kafka-'));
  const ports = { broker: await freePort(), controller: await freePort() };
  const files = {
    properties: join(home, 'server.properties'),
    log4j: join(home, 'log4j2.properties'),
    brokerLog: join(home, 'broker.log'),
    console: join(home, 'console.log'),
  };
  await writeFile(files.properties, serverProperties(ports, join(home, 'data')));
  await writeFile(files.log4j, log4j2Properties(files.brokerLog));
  const jvm = [
    '-Xmx512m',
    '-Xms128m',
    '-Djava.awt.headless=true',
    `-Dlog4j2.configurationFile=${files.log4j}`,
    '-cp',
    join(libs, '*'),
  ];

  const format = await runCommand(java, [
    ...jvm,
    'kafka.tools.StorageTool',
    'format',
    // One argument: an id may start with '-', which the tool would otherwise read as an option.
    `--cluster-id=${newClusterId()}`,
    '-c',
    files.properties,
    '--standalone',
  ]);
  if (format.exitCode !== 0) {
    await rm(home, { recursive: true, force: true });
    throw new Error(`Formatting the Kafka ${kafkaVersion} storage failed:\n${tail(format.output)}`);
  }

  const consoleFd = openSync(files.console, 'a');
  const broker = spawn(java, [...jvm, 'kafka.Kafka', files.properties], { stdio: ['ignore', consoleFd, consoleFd] });
  closeSync(consoleFd);
  let exited = false;
  const exit = new Promise<void>((resolve) => broker.once('exit', () => resolve()));
  void exit.then(() => (exited = true));
  // Should the test process end without its teardown, the JVM must not outlive it.
  const killOnExit = () => broker.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (!exited) {
      broker.kill('SIGTERM');
      const killTimer = setTimeout(() => broker.kill('SIGKILL'), 10_000);
      await exit;
      clearTimeout(killTimer);
    }
    await rm(home, { recursive: true, force: true });
  };

  const brokers = `127.0.0.1:${ports.broker}`;
  try {
    await waitForKafka(brokers, startTimeoutMs, () => !exited);
  } catch (error) {
    const logs = `${await logTail(files.brokerLog)}\n${await logTail(files.console)}`;
    await stop();
    throw new Error(
      `The local Kafka ${kafkaVersion} broker did not start (${(error as Error).message}). Broker log tail:\n${logs}`,
      { cause: error },
    );
  }
  return { provider: `apache-kafka-${kafkaVersion}-jars`, brokers, stop };
}
