import 'reflect-metadata';
import { runRollcall } from '#rollcall/platform';

await runRollcall({ service: 'projector', roles: ['projector'], migrateOnStart: false, standalone: true });
