import { RollcallMetrics } from '#rollcall/observability';
import { countConsumerRestarts } from './event-bus.module.js';

describe('countConsumerRestarts', () => {
  it('counts replaced consumers by group and reason in the app registry', async () => {
    const metrics = new RollcallMetrics('projector');
    const onRestart = countConsumerRestarts(metrics);
    onRestart('rollcall-projector', 'stalled');
    onRestart('rollcall-projector', 'stalled');
    onRestart('rollcall-projector', 'crashed');

    const text = await metrics.registry.metrics();
    expect(text).toContain(
      'rollcall_bus_consumer_restarts_total{group="rollcall-projector",reason="stalled",service="projector"} 2',
    );
    expect(text).toContain(
      'rollcall_bus_consumer_restarts_total{group="rollcall-projector",reason="crashed",service="projector"} 1',
    );
  });
});
