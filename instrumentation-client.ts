import { z } from "zod";

// Runs in the browser before the app's own code (Next.js client instrumentation hook).
// zod 4 probes for eval support with a caught `new Function("")` the first time it parses an object; the
// strict CSP blocks that, and the browser reports a securitypolicyviolation even though zod falls back
// fine. Declaring the browser jitless skips the probe: forms validate the same, and CSP reports stay
// meaningful (a violation always means something is wrong). The server keeps zod's faster JIT path.
z.config({ jitless: true });
