export * from './rollcall-app.js';
export * from './run-rollcall.js';
export * from './startup-line.js';
