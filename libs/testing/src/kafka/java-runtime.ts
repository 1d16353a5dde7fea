import { join } from 'node:path';
import { runCommand } from './run-command.js';

export const howToProvideKafka =
  'Provide Kafka for the integration tests in one of these ways: set KAFKA_BROKERS to a running broker, ' +
  'run a Docker engine (testcontainers starts one), or install Java 17+ and Maven (mvn) so a local Apache Kafka broker can start.';

/** The `java` to run the broker with (JAVA_HOME first), or an error saying how to provide Kafka instead. */
export async function findJava17(): Promise<string> {
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const { exitCode, output } = await runCommand(java, ['-version']);
  const major = Number(/version "(?:1\.)?(\d+)/.exec(output)?.[1]);
  if (exitCode !== 0 || !(major >= 17)) {
    throw new Error(
      `Java 17 or newer was not found (${java} -version: ${output.trim() || 'not runnable'}). ${howToProvideKafka}`,
    );
  }
  return java;
}
