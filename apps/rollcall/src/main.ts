import 'reflect-metadata';
import { runRollcall } from '#rollcall/platform';

await runRollcall({
  service: 'rollcall',
  migrateOnStart: true,
  standalone: false,
  simulateClusterWithoutKubeconfig: true,
});
