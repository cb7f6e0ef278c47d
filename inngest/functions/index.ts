import { notificationJobs } from "@/lib/notifications/jobs/registry";
import { toInngestFunction } from "../to-inngest-function";
import { outboxRelay } from "./outbox-relay";

/** Every Inngest function of the app, served once at /api/inngest: each notification job, and the relay. */
export const functions = [...notificationJobs.map(toInngestFunction), outboxRelay];
