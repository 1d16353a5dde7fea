export * from './event-bus.port.js';
