import { existsSync } from 'node:fs';

const PROBE_TIMEOUT_MS = 1500;

/** True when a Docker engine answers within a second and a half; false at once when none is configured. */
export async function dockerEngineAnswers(): Promise<boolean> {
  const configured =
    process.env.DOCKER_HOST !== undefined ||
    existsSync('/var/run/docker.sock') ||
    existsSync(`${process.env.HOME ?? ''}/.docker/run/docker.sock`);
  if (!configured) return false;
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
