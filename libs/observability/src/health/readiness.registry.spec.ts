import { notReadyProblem } from './readiness-report.js';
import { ReadinessRegistry } from './readiness.registry.js';

describe('ReadinessRegistry', () => {
  it('is ready when every probe resolves', async () => {
    const registry = new ReadinessRegistry();
    registry.register('postgres', async () => undefined);
    registry.register('event-bus', async () => true);

    expect(await registry.evaluate()).toEqual({
      ready: true,
      checks: [
        { name: 'postgres', ready: true },
        { name: 'event-bus', ready: true },
      ],
    });
  });

  it('names each probe that rejects, answers false or hangs', async () => {
    const registry = new ReadinessRegistry(50);
    registry.register('postgres', async () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432')));
    registry.register('event-bus', async () => false);
    registry.register('kube', () => new Promise(() => undefined));

    const report = await registry.evaluate();

    expect(report).toEqual({
      ready: false,
      checks: [
        { name: 'postgres', ready: false, reason: 'connect ECONNREFUSED 127.0.0.1:5432' },
        { name: 'event-bus', ready: false, reason: 'unreachable' },
        { name: 'kube', ready: false, reason: 'no answer within 50 ms' },
      ],
    });
  });
});

describe('notReadyProblem', () => {
  it('is an RFC 9457 problem that lists only what failed in its detail', () => {
    const problem = notReadyProblem({
      ready: false,
      checks: [
        { name: 'postgres', ready: false, reason: 'timeout' },
        { name: 'event-bus', ready: true },
      ],
    });

    expect(problem).toEqual({
      type: 'about:blank',
      title: 'Service Unavailable',
      status: 503,
      detail: 'Not ready: postgres (timeout).',
      checks: [
        { name: 'postgres', ready: false, reason: 'timeout' },
        { name: 'event-bus', ready: true },
      ],
    });
  });
});
