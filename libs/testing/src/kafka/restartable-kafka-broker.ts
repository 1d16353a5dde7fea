import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, openSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '#rollcall/postgres';
import { findJava17 } from './java-runtime.js';
import { log4j2Properties, serverProperties } from './kafka-broker-config.js';
import { kafkaJars, kafkaVersion } from './kafka-jars.js';
import { runCommand, tail } from './run-command.js';
import { waitForKafka } from './wait-for-kafka.js';

/** A local broker a test can stop and start again on the same ports and data (for restart tests). */
export interface RestartableKafkaBroker {
  readonly brokers: string;
  /** A clean shutdown (SIGTERM); the data directory stays. */
  stop(): Promise<void>;
  /** Starts it again on the same ports and data; resolves once it answers. */
  start(): Promise<void>;
  /** Stops it and removes its data. */
  dispose(): Promise<void>;
}

/** A real single-node Apache Kafka (KRaft) from the Maven Central jars, on a data directory of its own. */
export async function startRestartableKafkaBroker(): Promise<RestartableKafkaBroker> {
  const java = await findJava17();
  const libs = await kafkaJars();
  const home = await mkdtemp(join(tmpdir(), 'rollcall-kafka-restartable-'));
  const ports = { broker: await freePort(), controller: await freePort() };
  const properties = join(home, 'server.properties');
  const brokerLog = join(home, 'broker.log');
  await writeFile(properties, serverProperties(ports, join(home, 'data')));
  await writeFile(join(home, 'log4j2.properties'), log4j2Properties(brokerLog));
  const jvm = [
    '-Xmx512m',
    '-Xms128m',
    '-Djava.awt.headless=true',
    `-Dlog4j2.configurationFile=${join(home, 'log4j2.properties')}`,
    '-cp',
    join(libs, '*'),
  ];
  const clusterId = Buffer.from(randomUUID().replace(/-/g, ''), 'hex').toString('base64url');
  const format = await runCommand(java, [
    ...jvm,
    'kafka.tools.StorageTool',
    'format',
    // One argument: an id may start with '-', which the tool would otherwise read as an option.
    `--cluster-id=${clusterId}`,
    '-c',
    properties,
    '--standalone',
  ]);
  if (format.exitCode !== 0) {
    await rm(home, { recursive: true, force: true });
    throw new Error(`Formatting the Kafka ${kafkaVersion} storage failed:\n${tail(format.output)}`);
  }

  const brokers = `127.0.0.1:${ports.broker}`;
  let running: { process: ChildProcess; exit: Promise<void>; exited: boolean } | undefined;
  const killOnExit = () => running?.process.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stop = async () => {
    const current = running;
    running = undefined;
    if (!current || current.exited) return;
    current.process.kill('SIGTERM');
    const killTimer = setTimeout(() => current.process.kill('SIGKILL'), 20_000);
    await current.exit;
    clearTimeout(killTimer);
  };
  const start = async () => {
    const consoleFd = openSync(join(home, 'console.log'), 'a');
    const child = spawn(java, [...jvm, 'kafka.Kafka', properties], { stdio: ['ignore', consoleFd, consoleFd] });
    closeSync(consoleFd);
    const current = {
      process: child,
      exited: false,
      exit: new Promise<void>((resolve) => child.once('exit', () => resolve())),
    };
    void current.exit.then(() => (current.exited = true));
    running = current;
    try {
      await waitForKafka(brokers, 60_000, () => !current.exited);
    } catch (error) {
      const log = tail(await readFile(brokerLog, 'utf8').catch(() => '(no log written)'));
      await stop();
      throw new Error(`The restartable Kafka broker did not start: ${(error as Error).message}\n${log}`, {
        cause: error,
      });
    }
  };
  const dispose = async () => {
    await stop();
    process.removeListener('exit', killOnExit);
    await rm(home, { recursive: true, force: true });
  };

  try {
    await start();
  } catch (error) {
    await dispose();
    throw error;
  }
  return { brokers, stop, start, dispose };
}
