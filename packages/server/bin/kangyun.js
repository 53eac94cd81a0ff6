#!/usr/bin/env node
// The platform runs its TypeScript sources directly through tsx (no separate build step for the server).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
