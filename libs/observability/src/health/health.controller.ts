import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { notReadyProblem, type ReadinessReport } from './readiness-report.js';
import { ReadinessRegistry } from './readiness.registry.js';

@Controller()
export class HealthController {
  constructor(@Inject(ReadinessRegistry) private readonly readiness: ReadinessRegistry) {}

  /** Liveness: answers while the process runs; it checks nothing so a slow database never restarts us. */
  @Get('healthz')
  alive(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('readyz')
  async ready(@Res() reply: FastifyReply): Promise<void> {
    const report: ReadinessReport = await this.readiness.evaluate();
    if (report.ready) {
      await reply.status(200).send({ status: 'ready', checks: report.checks });
      return;
    }
    await reply.status(503).header('Content-Type', 'application/problem+json').send(notReadyProblem(report));
  }
}
