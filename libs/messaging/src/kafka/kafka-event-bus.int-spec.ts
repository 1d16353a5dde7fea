import { jest } from '@jest/globals';
import { describeEventBusContract } from '../testing/event-bus.contract.js';
import { KafkaEventBus } from './kafka-event-bus.js';
import { kafkaTestBusOptions } from './kafka-test-settings.js';

jest.setTimeout(60_000);

describeEventBusContract('KafkaEventBus', () => new KafkaEventBus(kafkaTestBusOptions('rollcall-contract')));
