import { Controller, Get, Header, Inject } from '@nestjs/common';
import { RollcallMetrics } from './rollcall-metrics.js';

@Controller()
export class MetricsController {
  constructor(@Inject(RollcallMetrics) private readonly metrics: RollcallMetrics) {}

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
