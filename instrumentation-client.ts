// Runs in the browser before the app's own code (Next.js client instrumentation hook).
//
// zod 4 probes for eval support with a caught `new Function("")` the first time it parses an object; the
// strict CSP blocks that, and the browser reports a securitypolicyviolation even though zod falls back
// fine. Declaring the browser jitless skips the probe: forms validate the same, and CSP reports stay
// meaningful (a violation always means something is wrong). The server keeps zod's faster JIT path.
//
// zod keeps its configuration on this global (so that several copies share it) and adopts an existing
// object when it loads. Setting it here rather than calling `z.config()` keeps zod out of the bundle of
// pages that never validate anything. e2e/security-headers.spec.ts fails on /sign-in if this stops working.
type ZodGlobalConfig = { jitless?: boolean };
const zodHost = globalThis as typeof globalThis & { __zod_globalConfig?: ZodGlobalConfig };
zodHost.__zod_globalConfig = { ...zodHost.__zod_globalConfig, jitless: true };
