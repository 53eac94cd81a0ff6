export { startPlatform, openKernel, migrationSources, type Platform, type PlatformOptions } from './platform.js';
export { buildApp } from './app.js';
export { modules } from './modules.js';
