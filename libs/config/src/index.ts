export * from './config.module.js';
export * from './default-data-dir.js';
export * from './load-config.js';
export * from './parse-config.js';
export * from './rollcall-config.schema.js';
export * from './rollcall-roles.js';
