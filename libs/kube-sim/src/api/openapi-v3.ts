import { RESOURCE_CATALOG, RESOURCE_NAMES, type ResourceInfo } from '../store/index.js';

// kubectl skips client-side schema validation (and sends fieldValidation to the server) when the
// PATCH operation of a kind lists the fieldValidation parameter; these documents say just that.
const groupVersionPath = (group: string): string => (group ? `apis/${group}/v1` : 'api/v1');

const objectPath = (info: ResourceInfo): string =>
  `/${groupVersionPath(info.group)}${info.namespaced ? '/namespaces/{namespace}' : ''}/${info.resource}/{name}`;

const patchOperation = (info: ResourceInfo) => ({
  patch: {
    operationId: `patch${info.kind}`,
    'x-kubernetes-action': 'patch',
    'x-kubernetes-group-version-kind': { group: info.group, version: info.version, kind: info.kind },
    parameters: [
      { name: 'fieldValidation', in: 'query', schema: { type: 'string', uniqueItems: true } },
      { name: 'fieldManager', in: 'query', schema: { type: 'string', uniqueItems: true } },
    ],
    responses: { '200': { description: 'OK' } },
  },
});

const GROUPS = [...new Set(RESOURCE_NAMES.map((name) => RESOURCE_CATALOG[name].group))];

/** GET /openapi/v3: the index of group-version documents. */
export const openApiV3Index = () => ({
  paths: Object.fromEntries(
    GROUPS.map((group) => [
      groupVersionPath(group),
      { serverRelativeURL: `/openapi/v3/${groupVersionPath(group)}?hash=sim` },
    ]),
  ),
});

/** GET /openapi/v3/{api/v1 | apis/group/v1}: paths with their PATCH operations only. */
export const openApiV3Document = (path: string) => {
  const group = GROUPS.find((candidate) => `/openapi/v3/${groupVersionPath(candidate)}` === path);
  if (group === undefined) return undefined;
  const resources = RESOURCE_NAMES.map((name) => RESOURCE_CATALOG[name]).filter((info) => info.group === group);
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes (rollcall simulator)', version: 'v1.32.0' },
    paths: Object.fromEntries(resources.map((info) => [objectPath(info), patchOperation(info)])),
    components: {},
  };
};
