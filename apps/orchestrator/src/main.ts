import 'reflect-metadata';
import { runRollcall } from '#rollcall/platform';

await runRollcall({ service: 'orchestrator', roles: ['orchestrator'], migrateOnStart: false, standalone: true });
