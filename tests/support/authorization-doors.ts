/**
 * The authorization matrix as data: every exported server action and every /api/v1 route method, with
 * the outcome each actor must get. The matrix test runs it against a real database; the coverage test
 * fails when an action or a route method exists that is not listed here.
 *
 * Outcomes: "allow" = the door let the actor through (success, or a validation/conflict error raised
 * after the check); 401 = treated as signed out (actions: sent to sign in); 403 = refused; 404 = the
 * resource does not exist for this actor; 422 = refused as naming someone else (mass assignment).
 */
export type Outcome = "allow" | 401 | 403 | 404 | 422;

export const SESSION_ACTORS = ["anonymous", "customerA", "customerB", "stylistX", "stylistY", "frontDesk", "admin", "disabled"] as const;
export type SessionActor = (typeof SESSION_ACTORS)[number];

export const KEY_ACTORS = [...SESSION_ACTORS, "expiredKey", "keyWithoutScope"] as const;
export type KeyActor = (typeof KEY_ACTORS)[number];

type Row<A extends string> = Record<A, Outcome>;

/** Compact rows: `[anonymous, customerA, customerB, stylistX, stylistY, frontDesk, admin, disabled]`. */
function sessionRow(outcomes: [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome]): Row<SessionActor> {
  return Object.fromEntries(SESSION_ACTORS.map((actor, index) => [actor, outcomes[index]!])) as Row<SessionActor>;
}

/** The same eight, then `[expiredKey, keyWithoutScope]` (an expired admin key; an admin key lacking the route's scope). */
function keyRow(
  outcomes: [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome],
  extra: [Outcome, Outcome] = [401, 403],
): Row<KeyActor> {
  return { ...sessionRow(outcomes), expiredKey: extra[0], keyWithoutScope: extra[1] };
}

const A = "allow";

// Server actions: module path (under lib/) → action name → expectations. Appointment rows act on an
// appointment of customer A in stylist X's column; schedule rows on stylist X; key revocation on X's key.
export const ACTION_MATRIX: Record<string, Record<string, Row<SessionActor>>> = {
  "auth/actions": {
    // Public doors (anyone may try; each is rate-limited or token-bound): sent an empty form.
    signInAction: sessionRow([A, A, A, A, A, A, A, A]),
    registerAction: sessionRow([A, A, A, A, A, A, A, A]),
    verifyEmailAction: sessionRow([A, A, A, A, A, A, A, A]),
    forgotPasswordAction: sessionRow([A, A, A, A, A, A, A, A]),
    resetPasswordAction: sessionRow([A, A, A, A, A, A, A, A]),
    requestSignInLinkAction: sessionRow([A, A, A, A, A, A, A, A]),
    signInWithLinkAction: sessionRow([A, A, A, A, A, A, A, A]),
    signOutAction: sessionRow([A, A, A, A, A, A, A, A]),
    signOutEverywhereAction: sessionRow([A, A, A, A, A, A, A, A]),
    // The signed-in user's own account.
    resendVerificationAction: sessionRow([401, A, A, A, A, A, A, 401]),
  },
  "customer-portal/actions": {
    confirmBookingAction: sessionRow([401, A, A, A, A, A, A, 401]),
    rescheduleAction: sessionRow([401, A, 404, A, 404, A, A, 401]),
    cancelAction: sessionRow([401, A, 404, A, 404, A, A, 401]),
    changeNoteAction: sessionRow([401, A, 404, A, 404, A, A, 401]),
  },
  // The customer's whole-visit doors: a visit of customer A whose two segments are both in stylist X's column.
  "customer-portal/visit-actions": {
    confirmVisitAction: sessionRow([401, A, A, A, A, A, A, 401]),
    rescheduleVisitAction: sessionRow([401, A, 404, A, 404, A, A, 401]),
    cancelVisitAction: sessionRow([401, A, 404, A, 404, A, A, 401]),
  },
  "payments/actions": {
    // Development only, public like the hosted page it stands in for: sent an empty form.
    testCheckoutAction: sessionRow([A, A, A, A, A, A, A, A]),
    // Public like the emailed link it serves: the token is the door (an empty form names no fee).
    payFeeAction: sessionRow([A, A, A, A, A, A, A, A]),
    // On an appointment without a saved card or deposit: past the permission, refused as nothing to do.
    chargeNoShowFeeAction: sessionRow([403, 403, 403, 403, 403, A, A, 403]),
    refundDepositAction: sessionRow([403, 403, 403, 403, 403, A, A, 403]),
    // On a booking no longer waiting for payment: past the permission, refused as nothing to waive.
    waiveDepositAction: sessionRow([403, 403, 403, 403, 403, A, A, 403]),
  },
  "calendar-feed/actions": {
    rotateCalendarFeedAction: sessionRow([403, 403, 403, A, A, 403, 403, 403]),
  },
  "customers/actions": {
    updateCustomerContactAction: sessionRow([403, 403, 403, 403, 403, A, A, 403]),
    setMarketingConsentAction: sessionRow([403, 403, 403, 403, 403, A, A, 403]),
    // A note about customer A: stylist Y has never served A.
    addCustomerNoteAction: sessionRow([403, 403, 403, A, 404, A, A, 403]),
    // Sent an empty form (refused for the missing confirmation) so nobody's account is really deleted.
    deleteAccountAction: sessionRow([403, A, A, 403, 403, 403, 403, 403]),
  },
  "dashboard/actions": {
    createAppointmentAction: sessionRow([403, 403, 403, A, 403, A, A, 403]),
    dashboardRescheduleAction: sessionRow([403, 403, 403, A, 404, A, A, 403]),
    dashboardCancelAction: sessionRow([403, 403, 403, A, 404, A, A, 403]),
    transitionAction: sessionRow([403, 403, 403, A, 404, A, A, 403]),
    addStaffNoteAction: sessionRow([403, 403, 403, A, 404, A, A, 403]),
    resendEmailAction: sessionRow([403, 403, 403, 403, 403, A, A, 403]),
  },
  "visits/actions": {
    // A visit of customer A with stylist X doing every segment: stylist Y cannot see it.
    createVisitAction: sessionRow([403, 403, 403, A, 403, A, A, 403]),
    dashboardRescheduleVisitAction: sessionRow([403, 403, 403, A, 404, A, A, 403]),
    dashboardCancelVisitAction: sessionRow([403, 403, 403, A, 404, A, A, 403]),
    reassignSegmentAction: sessionRow([403, 403, 403, A, 404, A, A, 403]),
    cancelSegmentAction: sessionRow([403, 403, 403, A, 404, A, A, 403]),
  },
  "dashboard/admin-actions": {
    updateSettingsAction: sessionRow([403, 403, 403, 403, 403, 403, A, 403]),
    saveServiceAction: sessionRow([403, 403, 403, 403, 403, 403, A, 403]),
    saveStaffAction: sessionRow([403, 403, 403, 403, 403, 403, A, 403]),
    saveWeeklyHoursAction: sessionRow([403, 403, 403, A, 403, 403, A, 403]),
    addTimeOffAction: sessionRow([403, 403, 403, A, 403, 403, A, 403]),
    removeTimeOffAction: sessionRow([403, 403, 403, A, 403, 403, A, 403]),
  },
  "dashboard/api-key-actions": {
    createApiKeyAction: sessionRow([403, 403, 403, A, A, A, A, 403]),
    revokeApiKeyAction: sessionRow([403, 403, 403, A, 403, 403, A, 403]),
  },
  "dashboard/webhook-actions": {
    // An admin passes the gate; the empty form names no endpoint or delivery (404), or no URL (422 → allow).
    createWebhookAction: sessionRow([403, 403, 403, 403, 403, 403, A, 403]),
    sendTestWebhookAction: sessionRow([403, 403, 403, 403, 403, 403, 404, 403]),
    replayWebhookAction: sessionRow([403, 403, 403, 403, 403, 403, 404, 403]),
    setWebhookEnabledAction: sessionRow([403, 403, 403, 403, 403, 403, 404, 403]),
  },
  "dashboard/notification-actions": {
    // An admin passes the gate; the empty form names no dead-lettered event, hence 404.
    retryDeadLetterAction: sessionRow([403, 403, 403, 403, 403, 403, 404, 403]),
  },
  "waitlist/actions": {
    // Signed-in customers and staff pass the gate; the empty form is then refused as invalid.
    joinWaitlistAction: sessionRow([403, A, A, A, A, A, A, 403]),
    leaveWaitlistAction: sessionRow([403, A, A, A, A, A, A, 403]),
    bookWaitlistOfferAction: sessionRow([403, A, A, A, A, A, A, 403]),
    staffAddToWaitlistAction: sessionRow([403, 403, 403, 403, 403, A, A, 403]),
    staffRemoveFromWaitlistAction: sessionRow([403, 403, 403, 403, 403, A, A, 403]),
  },
  "patch-tests/actions": {
    // A test for customer A: stylist Y has never served A.
    recordPatchTestAction: sessionRow([403, 403, 403, A, 404, A, A, 403]),
  },
  "team/actions": {
    inviteMemberAction: sessionRow([403, 403, 403, 403, 403, 403, A, 403]),
    changeRoleAction: sessionRow([403, 403, 403, 403, 403, 403, A, 403]),
    setAccountStateAction: sessionRow([403, 403, 403, 403, 403, 403, A, 403]),
    // Public, bound to the invitation's one-time token (an empty form is refused as invalid).
    acceptInvitationAction: sessionRow([A, A, A, A, A, A, A, A]),
  },
};

const ADMIN_KEY = keyRow([401, 403, 403, 403, 403, 403, A, 401]);

/** An appointment (or a visit) of customer A with stylist X: read, change, cancel. */
const OWN_OR_MANAGED = keyRow([401, A, 404, A, 404, A, A, 401]);
const BOOKING_OF_A_WITH_X = {
  methods: { GET: OWN_OR_MANAGED, PATCH: OWN_OR_MANAGED, DELETE: OWN_OR_MANAGED },
  notAllowed: ["POST", "PUT"],
};

// /api/v1 routes: file path (under app/api/v1/) → method → expectations; `notAllowed` answer 405 to all.
// Appointment item rows act on customer A's appointment with stylist X.
export const API_MATRIX: Record<string, { methods: Record<string, Row<KeyActor>>; notAllowed: string[] }> = {
  "appointments/route.ts": {
    methods: {
      GET: keyRow([401, A, A, A, A, A, A, 401]),
      // The body books customer A with stylist X: B's key and Y's key may not name A.
      POST: keyRow([401, A, 422, A, 422, A, A, 401]),
    },
    notAllowed: ["PUT", "PATCH", "DELETE"],
  },
  "appointments/[id]/route.ts": BOOKING_OF_A_WITH_X,
  "availability/route.ts": { methods: { GET: keyRow([401, A, A, A, A, A, A, 401]) }, notAllowed: ["POST", "PUT", "PATCH", "DELETE"] },
  // A visit of customer A with stylist X doing every segment: the same doors as one appointment.
  "visits/route.ts": { methods: { POST: keyRow([401, A, 422, A, 422, A, A, 401]) }, notAllowed: ["GET", "PUT", "PATCH", "DELETE"] },
  "visits/[id]/route.ts": BOOKING_OF_A_WITH_X,
  "customers/route.ts": {
    methods: {
      GET: keyRow([401, 403, 403, A, A, A, A, 401]),
      POST: keyRow([401, 403, 403, A, A, A, A, 401]),
    },
    notAllowed: ["PUT", "PATCH", "DELETE"],
  },
  // Customer A has an appointment with stylist X, none with Y: Y may not see A.
  "customers/[id]/route.ts": {
    methods: { GET: keyRow([401, 403, 403, A, 404, A, A, 401]) },
    notAllowed: ["POST", "PUT", "PATCH", "DELETE"],
  },
  "me/route.ts": { methods: { GET: keyRow([401, A, A, A, A, A, A, 401], [401, A]) }, notAllowed: ["POST", "PUT", "PATCH", "DELETE"] },
  "salon/route.ts": { methods: { GET: keyRow([401, A, A, A, A, A, A, 401], [401, A]) }, notAllowed: ["POST", "PUT", "PATCH", "DELETE"] },
  "services/route.ts": {
    methods: {
      GET: keyRow([401, A, A, A, A, A, A, 401]),
      POST: keyRow([401, 403, 403, 403, 403, 403, A, 401]),
    },
    notAllowed: ["PUT", "PATCH", "DELETE"],
  },
  "services/[id]/route.ts": {
    methods: {
      GET: keyRow([401, A, A, A, A, A, A, 401]),
      PATCH: keyRow([401, 403, 403, 403, 403, 403, A, 401]),
      DELETE: keyRow([401, 403, 403, 403, 403, 403, A, 401]),
    },
    notAllowed: ["POST", "PUT"],
  },
  // The request names stylist X: X and admins see the figures, Y may not see X's.
  "reports/summary/route.ts": {
    methods: { GET: keyRow([401, 403, 403, A, 403, 403, A, 401]) },
    notAllowed: ["POST", "PUT", "PATCH", "DELETE"],
  },
  "staff/route.ts": { methods: { GET: keyRow([401, A, A, A, A, A, A, 401]) }, notAllowed: ["POST", "PUT", "PATCH", "DELETE"] },
  "staff/[id]/route.ts": { methods: { GET: keyRow([401, A, A, A, A, A, A, 401]) }, notAllowed: ["POST", "PUT", "PATCH", "DELETE"] },
  // A customer's key joins for its own customer only; naming customer A from B's or a stylist's key is 422.
  "waitlist/route.ts": {
    methods: {
      GET: keyRow([401, A, A, A, A, A, A, 401]),
      POST: keyRow([401, A, 422, 422, 422, A, A, 401]),
    },
    notAllowed: ["PUT", "PATCH", "DELETE"],
  },
  "waitlist/[id]/route.ts": {
    methods: { DELETE: keyRow([401, A, 404, 404, 404, A, A, 401]) },
    notAllowed: ["GET", "POST", "PUT", "PATCH"],
  },
  // Webhooks: admin keys only (the scopes are admin-only, so other roles' keys never carry them).
  "webhooks/route.ts": { methods: { GET: ADMIN_KEY, POST: ADMIN_KEY }, notAllowed: ["PUT", "PATCH", "DELETE"] },
  "webhooks/[id]/route.ts": { methods: { GET: ADMIN_KEY, PATCH: ADMIN_KEY, DELETE: ADMIN_KEY }, notAllowed: ["POST", "PUT"] },
  "webhooks/[id]/rotate-secret/route.ts": { methods: { POST: ADMIN_KEY }, notAllowed: ["GET", "PUT", "PATCH", "DELETE"] },
  "webhooks/[id]/test/route.ts": { methods: { POST: ADMIN_KEY }, notAllowed: ["GET", "PUT", "PATCH", "DELETE"] },
  "webhooks/[id]/deliveries/route.ts": { methods: { GET: ADMIN_KEY }, notAllowed: ["POST", "PUT", "PATCH", "DELETE"] },
  "webhooks/[id]/deliveries/[deliveryId]/replay/route.ts": { methods: { POST: ADMIN_KEY }, notAllowed: ["GET", "PUT", "PATCH", "DELETE"] },
};

/** /api/v1 files open to anyone by design (the contract, unknown paths): no key, no permission. */
export const PUBLIC_API_FILES = ["openapi.json/route.ts", "[...path]/route.ts"];

/**
 * Route files outside /api/v1 and how each authenticates, so a new one cannot slip in unnoticed.
 * (Paths under app/.)
 */
export const OTHER_ROUTE_FILES: Record<string, string> = {
  "api/auth/[...nextauth]/route.ts": "Auth.js itself (sign-in, session)",
  "api/availability/route.ts": "public free times; an appointment id is checked with the session (visibleTo)",
  "api/health/route.ts": "public liveness",
  "api/ready/route.ts": "public readiness; details need the metrics token",
  "api/metrics/route.ts": "metrics token",
  "api/inngest/route.ts": "Inngest's signed requests; jobs check SYSTEM in the permission table",
  "appointments/[id]/calendar.ics/route.ts": "the session's appointments only (visibleTo)",
  "appointments/[id]/pay/route.ts":
    "a bearer link: the hold's random id, like the provider's checkout URL; opens checkout only for a running hold",
  "api/stripe/webhook/route.ts": "Stripe's signature over the raw body (constructEvent with the webhook secret)",
  "appointments/my-data.json/route.ts": "the session's own data; customers only (account.ownData), else 404",
  "calendar/[file]/route.ts": "the stylist's private feed token (stored hashed, rotatable); unknown tokens 404",
  "dashboard/reports/[report]/route.ts": "the session; reports.viewAll, or reports.viewOwn narrowed to oneself",
};
