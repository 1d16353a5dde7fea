import 'reflect-metadata';
import { runRollcall } from '#rollcall/platform';

await runRollcall({ service: 'watcher', roles: ['watcher'], migrateOnStart: false, standalone: true });
