export * from './outbox.writer.js';
