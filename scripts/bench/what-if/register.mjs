/** `node --import tsx --import ./scripts/bench/what-if/register.mjs …`: the proposed query changes, in this process only. */
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
