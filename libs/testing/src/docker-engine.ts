import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const PROBE_TIMEOUT_MS = 1500;

/** Whether anything hints at a Docker engine; without a hint, testcontainers is not even loaded. */
function dockerMayBeThere(): boolean {
  if (process.env.DOCKER_HOST || process.env.TESTCONTAINERS_HOST_OVERRIDE) return true;
  const hints = [
    '/var/run/docker.sock',
    join(homedir(), '.docker', 'run', 'docker.sock'),
    join(homedir(), '.testcontainers.properties'),
  ];
  if (process.env.XDG_RUNTIME_DIR) hints.push(join(process.env.XDG_RUNTIME_DIR, 'docker.sock'));
  return hints.some((path) => existsSync(path));
}

/** True when a Docker engine answers within a second and a half; false at once when nothing hints at one. */
export async function dockerEngineAnswers(): Promise<boolean> {
  if (!dockerMayBeThere()) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS);
  });
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    return await Promise.race([getContainerRuntimeClient().then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
