import { jest } from '@jest/globals';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { eventually, startAllInOne, type AllInOne } from './support/all-in-one.process.js';

jest.setTimeout(120_000);

describe('the built all-in-one process on embedded defaults', () => {
  let app: AllInOne;

  beforeAll(async () => {
    app = await startAllInOne({ LOG_LEVEL: 'info' });
  });

  afterAll(async () => {
    await app.dispose();
  });

  it('becomes healthy and ready, serves metrics, and exits 0 on SIGTERM', async () => {
    const started = Date.now();
    await eventually(
      '/healthz 200',
      async () => ((await fetch(`${app.base}/healthz`)).ok ? true : undefined),
      60_000,
      app,
    );
    const healthyAfterMs = Date.now() - started;
    const ready = await fetch(`${app.base}/readyz`);
    const metrics = await (await fetch(`${app.base}/metrics`)).text();
    const exit = await app.stop();

    expect(healthyAfterMs).toBeLessThan(60_000);
    expect(ready.status).toBe(200);
    expect(metrics).toMatch(/http_requests_total\{[^}]*route="\/healthz",status_code="200"/);
    expect(app.output()).toContain(`is up at ${app.base}`);
    expect(app.output()).toContain('embedded PostgreSQL');
    expect(app.output()).toContain('No KUBECONFIG given: running a simulated cluster');
    // PostgreSQL removes its pid file only on a clean stop: the embedded server went down with us.
    expect(existsSync(join(app.dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
    expect({ exit, output: app.output() }).toEqual({ exit: 0, output: expect.stringContaining('"signal":"SIGTERM"') });
  });
});
