import { Module } from '@nestjs/common';
import { DaemonSetsController } from './daemonsets/daemonsets.controller.js';
import { DaemonSetsRepository } from './daemonsets/daemonsets.repository.js';
import { DaemonSetsService } from './daemonsets/daemonsets.service.js';
import { ExportController } from './export/export.controller.js';
import { ExportRepository } from './export/export.repository.js';
import { ExportService } from './export/export.service.js';
import { HistoryController } from './history/history.controller.js';
import { HistoryRepository } from './history/history.repository.js';
import { HistoryService } from './history/history.service.js';
import { NodeAtTimeController } from './node-at-time/node-at-time.controller.js';
import { NodeAtTimeRepository } from './node-at-time/node-at-time.repository.js';
import { NodeAtTimeService } from './node-at-time/node-at-time.service.js';
import { NodesController } from './nodes/nodes.controller.js';
import { NodesRepository } from './nodes/nodes.repository.js';
import { NodesService } from './nodes/nodes.service.js';
import { VerifyController } from './verify/verify.controller.js';
import { VerifyRepository } from './verify/verify.repository.js';
import { VerifyService } from './verify/verify.service.js';

/**
 * The read side for viewers and auditors: nodes and DaemonSets now (from the projections), what
 * ran where at a past time and the hash-chained history (auditor). Needs PG_POOL and the AuthModule.
 */
@Module({
  controllers: [
    NodesController,
    NodeAtTimeController,
    DaemonSetsController,
    HistoryController,
    ExportController,
    VerifyController,
  ],
  providers: [
    NodesRepository,
    NodesService,
    NodeAtTimeRepository,
    NodeAtTimeService,
    DaemonSetsRepository,
    DaemonSetsService,
    HistoryRepository,
    HistoryService,
    ExportRepository,
    ExportService,
    VerifyRepository,
    VerifyService,
  ],
})
export class AuditApiModule {}
