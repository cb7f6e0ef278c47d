import { serve } from "inngest/next";
import { inngest } from "@/lib/notifications/jobs/inngest-client";
import { functions } from "@/inngest/functions";

// Inngest calls this endpoint to run steps; requests are signature-checked by the client's signing key.
export const { GET, POST, PUT } = serve({ client: inngest, functions });
