import 'reflect-metadata';
import { runRollcall } from '#rollcall/platform';

await runRollcall({ service: 'api', roles: ['api'], migrateOnStart: true, standalone: true });
