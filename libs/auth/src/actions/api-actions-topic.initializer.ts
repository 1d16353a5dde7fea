import { Inject, Injectable, Optional, type OnModuleInit } from '@nestjs/common';
import { ROLLCALL_CONFIG, type RollcallConfig } from '#rollcall/config';
import { EVENT_BUS, type EventBus } from '#rollcall/messaging';
import { API_ACTIONS_TOPIC } from './api-action.envelope.js';

/**
 * Creates the API actions topic before the first action is recorded: the outbox relay publishes
 * rows in order, so a row for a missing topic would hold back every message queued after it.
 */
@Injectable()
export class ApiActionsTopicInitializer implements OnModuleInit {
  constructor(
    @Optional() @Inject(EVENT_BUS) private readonly bus?: EventBus,
    @Optional() @Inject(ROLLCALL_CONFIG) private readonly config?: RollcallConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    const partitions = this.config?.kafka.topicPartitions ?? 6;
    await this.bus?.ensureTopics([{ name: API_ACTIONS_TOPIC, partitions }]);
  }
}
