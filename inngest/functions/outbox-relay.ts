import { cron } from "inngest";
import { assertCan } from "@/lib/auth/permissions";
import { publishPendingOutbox } from "@/lib/notifications/publisher";
import { inngest } from "@/lib/notifications/jobs/inngest-client";

/**
 * Every minute, publishes outbox rows the request path left behind (a process that died between commit
 * and publish, or an Inngest outage). Rows are claimed with SKIP LOCKED, so overlapping runs are safe.
 */
export const outboxRelay = inngest.createFunction(
  { id: "outbox-relay", name: "Relay unpublished outbox events", triggers: [cron("* * * * *")], retries: 2 },
  async ({ step }) => {
    assertCan("SYSTEM", "outbox.manage");
    return step.run("publish-pending-outbox", () => publishPendingOutbox());
  },
);
