import { RESOURCE_NAMES, RESOURCE_CATALOG, type ResourceInfo } from '../store/index.js';

const VERBS = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];
const SUBRESOURCE_VERBS = ['get', 'patch', 'update'];

const singular = (info: ResourceInfo): string => info.kind.toLowerCase();

const resourcesOf = (group: string): ResourceInfo[] =>
  RESOURCE_NAMES.map((name) => RESOURCE_CATALOG[name]).filter((info) => info.group === group);

/** The groups served besides the core group, each with its one version. */
export const SERVED_GROUPS = [...new Set(RESOURCE_NAMES.map((name) => RESOURCE_CATALOG[name].group))].filter(Boolean);

export const versionInfo = () => ({
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.0-rollcall-sim',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2026-01-01T00:00:00Z',
  goVersion: 'go1.23.0',
  compiler: 'gc',
  platform: 'linux/amd64',
});

export const coreApiVersions = (serverAddress: string) => ({
  kind: 'APIVersions',
  versions: ['v1'],
  serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
});

export const apiGroupList = () => ({
  kind: 'APIGroupList',
  apiVersion: 'v1',
  groups: SERVED_GROUPS.map((name) => {
    const version = { groupVersion: `${name}/v1`, version: 'v1' };
    return { name, versions: [version], preferredVersion: version };
  }),
});

export const apiGroup = (name: string) => {
  const version = { groupVersion: `${name}/v1`, version: 'v1' };
  return { kind: 'APIGroup', apiVersion: 'v1', name, versions: [version], preferredVersion: version };
};

/** An APIResourceList like the real one: resources with verbs and short names, then their subresources. */
export const apiResourceList = (group: string) => {
  const resources = resourcesOf(group).flatMap((info) => {
    const main = {
      name: info.resource,
      singularName: singular(info),
      namespaced: info.namespaced,
      kind: info.kind,
      verbs: VERBS,
      ...(info.shortNames.length ? { shortNames: info.shortNames } : {}),
      ...(['pods', 'daemonsets'].includes(info.resource) ? { categories: ['all'] } : {}),
    };
    const status = info.hasStatus
      ? [
          {
            name: `${info.resource}/status`,
            singularName: '',
            namespaced: info.namespaced,
            kind: info.kind,
            verbs: SUBRESOURCE_VERBS,
          },
        ]
      : [];
    const eviction =
      info.resource === 'pods'
        ? [
            {
              name: 'pods/eviction',
              singularName: '',
              namespaced: true,
              group: 'policy',
              version: 'v1',
              kind: 'Eviction',
              verbs: ['create'],
            },
          ]
        : [];
    return [main, ...status, ...eviction];
  });
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/v1` : 'v1', resources };
};
