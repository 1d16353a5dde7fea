import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { howToProvideKafka } from './java-runtime.js';
import { runCommand, tail } from './run-command.js';

/** Must match `kafka.version` in test/infra/kafka/pom.xml, which mvn is also told explicitly. */
export const kafkaVersion = '4.1.1';
const completeMarker = '.complete';

function findPom(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    const pom = join(dir, 'test', 'infra', 'kafka', 'pom.xml');
    if (existsSync(pom)) return pom;
  }
  throw new Error('test/infra/kafka/pom.xml not found above the testing library');
}

/** True when a previous fetch finished: the marker lists every jar and all of them are present. */
async function isComplete(libs: string): Promise<boolean> {
  try {
    const expected = (await readFile(join(libs, completeMarker), 'utf8')).split('\n').filter(Boolean);
    const present = new Set(await readdir(libs));
    return expected.length > 0 && expected.every((jar) => present.has(jar));
  } catch {
    return false;
  }
}

/**
 * The broker's jar directory, cached under ~/.cache/rollcall/kafka-<version>/libs. A cold cache is
 * filled by mvn in a scratch directory that is renamed into place, so a half fetch is never used.
 */
export async function kafkaJars(): Promise<string> {
  const cacheRoot = process.env.ROLLCALL_CACHE_DIR ?? join(homedir(), '.cache', 'rollcall');
  const libs = join(cacheRoot, `kafka-${kafkaVersion}`, 'libs');
  if (await isComplete(libs)) return libs;

  const scratch = `${libs}.fetching-${process.pid}`;
  await rm(scratch, { recursive: true, force: true });
  await mkdir(scratch, { recursive: true });
  const args = [
    '-q',
    '-B',
    '-f',
    findPom(),
    `-Dkafka.version=${kafkaVersion}`,
    'dependency:copy-dependencies',
    `-DoutputDirectory=${scratch}`,
  ];
  const { exitCode, output } = await runCommand('mvn', args);
  if (exitCode !== 0) {
    await rm(scratch, { recursive: true, force: true });
    const reason = exitCode === null ? `mvn could not be run (${output})` : `mvn failed:\n${tail(output)}`;
    throw new Error(`Fetching the Apache Kafka ${kafkaVersion} jars failed: ${reason}\n${howToProvideKafka}`);
  }
  const jars = (await readdir(scratch)).filter((name) => name.endsWith('.jar'));
  await writeFile(join(scratch, completeMarker), `${jars.join('\n')}\n`);
  await rm(libs, { recursive: true, force: true });
  await rename(scratch, libs).catch(async (error: unknown) => {
    // Another run filled the cache at the same time; its copy is as good as ours.
    await rm(scratch, { recursive: true, force: true });
    if (!(await isComplete(libs))) throw error;
  });
  return libs;
}
