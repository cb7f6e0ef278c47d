/** Words for payment rows, the same on the customer's page, the dashboard and in exports. */
export const paymentKindLabels = {
  DEPOSIT: "Deposit",
  REFUND: "Refund",
  LATE_CANCELLATION_FEE: "Late-cancellation fee",
  NO_SHOW_FEE: "No-show fee",
} as const;

export const paymentStatusLabels = {
  PENDING: "Pending",
  SUCCEEDED: "Succeeded",
  FAILED: "Failed",
  REQUIRES_ACTION: "Waiting for the customer to authenticate",
} as const;
