import 'reflect-metadata';
import { trimKubeClientLoading } from './trim-kube-client-loading.js';

// Before the first import of client-node, which comes with the platform.
trimKubeClientLoading();
const { runRollcall } = await import('#rollcall/platform');

await runRollcall({ service: 'watcher', roles: ['watcher'], migrateOnStart: false, standalone: true });
