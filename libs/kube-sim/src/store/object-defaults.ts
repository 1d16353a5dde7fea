import type { KubeObject, ResourceName } from './cluster-store.port.js';

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const defaultImagePullPolicy = (image: unknown): string => {
  const reference = typeof image === 'string' ? image.split('@')[0] : '';
  const lastPart = reference.slice(reference.lastIndexOf('/') + 1);
  return !lastPart.includes(':') || lastPart.endsWith(':latest') ? 'Always' : 'IfNotPresent';
};

const defaultContainer = (container: unknown): void => {
  if (!isRecord(container)) return;
  container.imagePullPolicy ??= defaultImagePullPolicy(container.image);
  container.terminationMessagePath ??= '/dev/termination-log';
  container.terminationMessagePolicy ??= 'File';
  container.resources ??= {};
};

/** The pod spec defaults the real API server fills in (SetDefaults_PodSpec and SetDefaults_Container). */
const defaultPodSpec = (spec: unknown): void => {
  if (!isRecord(spec)) return;
  spec.restartPolicy ??= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.schedulerName ??= 'default-scheduler';
  spec.securityContext ??= {};
  for (const list of [spec.containers, spec.initContainers]) {
    if (Array.isArray(list)) list.forEach(defaultContainer);
  }
};

const defaultDaemonSetSpec = (spec: unknown): void => {
  if (!isRecord(spec)) return;
  spec.revisionHistoryLimit ??= 10;
  const strategy = isRecord(spec.updateStrategy) ? spec.updateStrategy : {};
  strategy.type ??= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const rollingUpdate = isRecord(strategy.rollingUpdate) ? strategy.rollingUpdate : {};
    rollingUpdate.maxUnavailable ??= 1;
    rollingUpdate.maxSurge ??= 0;
    // Assigned only when new: a spec shared with the stored version already holds them (and is frozen under test).
    if (strategy.rollingUpdate !== rollingUpdate) strategy.rollingUpdate = rollingUpdate;
  }
  if (spec.updateStrategy !== strategy) spec.updateStrategy = strategy;
  if (isRecord(spec.template)) defaultPodSpec(spec.template.spec);
};

/**
 * Fills in defaults in place, on an object the store already owns. Parts it shares with a stored
 * version already hold every default, so nothing is written into them.
 */
export const applyDefaults = (resource: ResourceName, object: KubeObject): void => {
  if (resource === 'pods') defaultPodSpec(object.spec);
  else if (resource === 'daemonsets') defaultDaemonSetSpec(object.spec);
  else if (resource === 'namespaces') {
    object.spec = { finalizers: ['kubernetes'], ...(isRecord(object.spec) ? object.spec : {}) };
  }
};
