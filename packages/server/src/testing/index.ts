export { startTestPlatform, ApiClient, type TestPlatform, type ApiResponse } from './harness.js';
