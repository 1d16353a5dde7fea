// What client-node's dist/config.js imports from its generated index, from the modules that define
// them (see trim-kube-client-loading.ts). A client-node upgrade that imports more fails at start-up
// with "does not provide an export named ...", which the watcher process test catches.
export { createConfiguration } from '@kubernetes/client-node/dist/gen/configuration.js';
export { ServerConfiguration } from '@kubernetes/client-node/dist/gen/servers.js';
