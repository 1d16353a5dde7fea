import type { ResourceName } from './cluster-store.port.js';

/** What the store and the HTTP layer need to know about each served resource. */
export interface ResourceInfo {
  readonly resource: ResourceName;
  readonly kind: string;
  /** Empty for the core group. */
  readonly group: string;
  readonly version: string;
  readonly namespaced: boolean;
  readonly hasStatus: boolean;
  readonly shortNames: readonly string[];
  /** Field selector labels the real API server accepts besides metadata.name and metadata.namespace. */
  readonly selectableFields: readonly string[];
}

const info = (fields: Omit<ResourceInfo, 'version'> & { version?: string }): ResourceInfo => ({
  version: 'v1',
  ...fields,
});

export const RESOURCE_CATALOG: Readonly<Record<ResourceName, ResourceInfo>> = {
  namespaces: info({
    resource: 'namespaces',
    kind: 'Namespace',
    group: '',
    namespaced: false,
    hasStatus: true,
    shortNames: ['ns'],
    selectableFields: ['status.phase'],
  }),
  nodes: info({
    resource: 'nodes',
    kind: 'Node',
    group: '',
    namespaced: false,
    hasStatus: true,
    shortNames: ['no'],
    selectableFields: ['spec.unschedulable'],
  }),
  pods: info({
    resource: 'pods',
    kind: 'Pod',
    group: '',
    namespaced: true,
    hasStatus: true,
    shortNames: ['po'],
    selectableFields: [
      'spec.nodeName',
      'spec.restartPolicy',
      'spec.schedulerName',
      'spec.serviceAccountName',
      'spec.hostNetwork',
      'status.phase',
      'status.podIP',
      'status.nominatedNodeName',
    ],
  }),
  events: info({
    resource: 'events',
    kind: 'Event',
    group: '',
    namespaced: true,
    hasStatus: false,
    shortNames: ['ev'],
    selectableFields: [
      'involvedObject.kind',
      'involvedObject.namespace',
      'involvedObject.name',
      'involvedObject.uid',
      'involvedObject.apiVersion',
      'involvedObject.resourceVersion',
      'involvedObject.fieldPath',
      'reason',
      'reportingComponent',
      'source',
      'type',
    ],
  }),
  daemonsets: info({
    resource: 'daemonsets',
    kind: 'DaemonSet',
    group: 'apps',
    namespaced: true,
    hasStatus: true,
    shortNames: ['ds'],
    selectableFields: [],
  }),
  controllerrevisions: info({
    resource: 'controllerrevisions',
    kind: 'ControllerRevision',
    group: 'apps',
    namespaced: true,
    hasStatus: false,
    shortNames: [],
    selectableFields: [],
  }),
  poddisruptionbudgets: info({
    resource: 'poddisruptionbudgets',
    kind: 'PodDisruptionBudget',
    group: 'policy',
    namespaced: true,
    hasStatus: true,
    shortNames: ['pdb'],
    selectableFields: [],
  }),
  leases: info({
    resource: 'leases',
    kind: 'Lease',
    group: 'coordination.k8s.io',
    namespaced: true,
    hasStatus: false,
    shortNames: [],
    selectableFields: [],
  }),
};

export const RESOURCE_NAMES = Object.keys(RESOURCE_CATALOG) as ResourceName[];

/** `v1` for the core group, `group/v1` otherwise. */
export const apiVersionOf = (info: ResourceInfo): string =>
  info.group ? `${info.group}/${info.version}` : info.version;
