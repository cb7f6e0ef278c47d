/** Rows as the webhook reads return them (never the secrets): what the API and the dashboard render. */
export type WebhookEndpointRow = {
  id: string;
  url: string;
  events: string[];
  description: string | null;
  enabled: boolean;
  disabledReason: string | null;
  previousSecretExpiresAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export type WebhookDeliveryRow = {
  id: string;
  endpointId: string;
  eventType: string;
  messageId: string;
  status: "PENDING" | "SUCCEEDED" | "FAILED";
  attempts: number;
  lastStatusCode: number | null;
  lastDurationMs: number | null;
  lastError: string | null;
  nextAttemptAt: Date | null;
  createdAt: Date;
  finishedAt: Date | null;
};

export type WebhookAttemptRow = {
  id: string;
  number: number;
  startedAt: Date;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
  requestHeaders: unknown;
  responseBody: string | null;
};
