import { z } from 'zod';

// zod's JIT probes `new Function`, which the renderer's CSP (no 'unsafe-eval') reports as a
// violation. Every schema in the project imports z from here so the probe never runs.
z.config({ jitless: true });

export { z };
