export * from './outbox.writer.js';
export * from './outbox.relay.js';
export * from './outbox-relay.loop.js';
export * from './outbox-relay.module.js';
