import nodeModule from 'node:module';

/** client-node's KubeConfig module, the one importer whose generated-index import is trimmed. */
const KUBE_CONFIG_MODULE = '/node_modules/@kubernetes/client-node/dist/config.js';
const GENERATED_INDEX = './gen/index.js';
const KUBE_CONFIG_IMPORTS_URL = new URL('./kube-config-imports.js', import.meta.url).href;

/**
 * client-node's KubeConfig imports the package's generated index (every API client and model, ~900
 * modules, about 30 MB of a watcher's resident memory) for the two names its makeApiClient uses.
 * The watcher makes no typed client: it lists, watches and holds its Lease as plain JSON. So in its
 * process that one import resolves to a module of just those two names, and everything else stays
 * client-node's. Must run before anything imports client-node; Node before 22.15 has no
 * registerHooks and loads all.
 */
export function trimKubeClientLoading(): boolean {
  if (typeof nodeModule.registerHooks !== 'function') return false;
  nodeModule.registerHooks({
    resolve(specifier, context, nextResolve) {
      if (specifier === GENERATED_INDEX && context.parentURL?.endsWith(KUBE_CONFIG_MODULE) === true) {
        return { url: KUBE_CONFIG_IMPORTS_URL, shortCircuit: true };
      }
      return nextResolve(specifier, context);
    },
  });
  return true;
}
