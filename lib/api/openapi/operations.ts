import { z } from "zod";
import { registerOperation, type Tag } from "@/lib/api/openapi/registry";
import type { ProducedStatus } from "@/lib/api/openapi/shared-responses";
import {
  ZApiAppointment,
  ZApiAppointmentPage,
  ZApiCancelAppointmentBody,
  ZApiCreateAppointmentBody,
  ZApiListAppointmentsQuery,
  ZApiUpdateAppointmentBody,
} from "@/lib/api/schemas/appointments";
import { ZApiAvailability, ZApiAvailabilityQuery } from "@/lib/api/schemas/availability";
import { ZApiCreateVisitBody, ZApiRescheduleVisitBody, ZApiVisit } from "@/lib/api/schemas/visits";
import { ZId } from "@/lib/api/schemas/common";
import { ZApiCustomer, ZApiCustomerPage, ZApiListCustomersQuery } from "@/lib/api/schemas/customers";
import { ZApiMe } from "@/lib/api/schemas/me";
import { ZApiSalon } from "@/lib/api/schemas/salon";
import { ZApiReportSummary, ZApiReportSummaryQuery } from "@/lib/api/schemas/reports";
import { ZApiListServicesQuery, ZApiService, ZApiServicePage } from "@/lib/api/schemas/services";
import { ZApiListStaffQuery, ZApiStaffMember, ZApiStaffPage } from "@/lib/api/schemas/staff";
import { ZApiCreateWaitlistBody, ZApiListWaitlistQuery, ZApiWaitlistEntry, ZApiWaitlistPage } from "@/lib/api/schemas/waitlist";
import { ZCreateCustomerInput } from "@/lib/customers/schema";
import { ZCreateServiceInput, ZUpdateServiceInput } from "@/lib/services/schema";

// Every operation of /api/v1. A test checks this list against the route files, both ways.
const Appointment = ZApiAppointment.meta({ id: "Appointment" });
const AppointmentPage = ZApiAppointmentPage.meta({ id: "AppointmentPage" });
const Service = ZApiService.meta({ id: "Service" });
const ServicePage = ZApiServicePage.meta({ id: "ServicePage" });
const StaffMember = ZApiStaffMember.meta({ id: "StaffMember" });
const StaffPage = ZApiStaffPage.meta({ id: "StaffPage" });
const Customer = ZApiCustomer.meta({ id: "Customer" });
const CustomerPage = ZApiCustomerPage.meta({ id: "CustomerPage" });
const idParam = z.object({ id: ZId });

type Errors = Partial<Record<ProducedStatus, string>>;

/**
 * A collection and its items (`{path}/{id}`) share their shapes: scopes named after the collection, a
 * page from the list, the item from the others, operationIds from the nouns (listAppointments,
 * getAppointment …). Each operation then states only what is its own.
 */
function collection(path: string, tag: Tag, scope: string, noun: { one: string; many: string }) {
  const item = `${path}/{id}`;
  const read = `${scope}:read`;
  const write = `${scope}:write`;
  // "waitlist entry" → listWaitlistEntries: the prose nouns read naturally, the ids stay camelCase.
  const name = (verb: string, words: string) =>
    verb + words.replace(/(^|\s+)(\w)/g, (_match, _space: string, letter: string) => letter.toUpperCase());
  return {
    list(summary: string, query: z.ZodObject, page: z.ZodType, description?: string) {
      registerOperation({
        method: "get",
        path,
        operationId: name("list", noun.many),
        tag,
        scope: read,
        summary,
        description,
        query,
        success: { status: 200, description: `A page of ${noun.many}`, schema: page },
      });
    },
    create(summary: string, body: z.ZodType, schema: z.ZodType, errors: Errors, options: { done?: string; etag?: boolean } = {}) {
      const success = { status: 201, description: options.done ?? "Created", schema, etag: options.etag, location: true };
      registerOperation({ method: "post", path, operationId: name("create", noun.one), tag, scope: write, summary, body, success, errors });
    },
    get(summary: string, schema: z.ZodType, etag?: boolean) {
      registerOperation({
        method: "get",
        path: item,
        operationId: name("get", noun.one),
        tag,
        scope: read,
        summary,
        params: idParam,
        success: { status: 200, description: `The ${noun.one}`, schema, etag },
      });
    },
    update(summary: string, body: z.ZodType, schema: z.ZodType, errors: Errors) {
      const success = { status: 200, description: `The updated ${noun.one}`, schema, etag: true };
      registerOperation({
        method: "patch",
        path: item,
        operationId: name("update", noun.one),
        tag,
        scope: write,
        summary,
        params: idParam,
        body,
        success,
        errors,
      });
    },
    remove(
      verb: string,
      done: string,
      summary: string,
      schema: z.ZodType,
      errors: Errors,
      body?: { schema: z.ZodType; description: string },
    ) {
      const success = { status: 200, description: `The ${done} ${noun.one}`, schema, etag: true };
      registerOperation({
        method: "delete",
        path: item,
        operationId: name(verb, noun.one),
        tag,
        scope: write,
        summary,
        description: body?.description,
        params: idParam,
        body: body?.schema,
        bodyOptional: body !== undefined,
        success,
        errors,
      });
    },
  };
}

const slotRules =
  "SLOT_IN_PAST, BEFORE_MINIMUM_NOTICE, BEYOND_HORIZON, OUTSIDE_WORKING_HOURS, OFF_SLOT_GRID: the time breaks a booking rule (`detail` says what would be valid)";
const appointments = collection("/appointments", "Appointments", "appointments", { one: "appointment", many: "appointments" });
appointments.list(
  "List appointments",
  ZApiListAppointmentsQuery,
  AppointmentPage,
  "Customer keys see only their own appointments. Ordered by start time; with `updatedSince`, by last change (cancelled ones included), for syncing.",
);
appointments.create(
  "Book an appointment",
  ZApiCreateAppointmentBody,
  Appointment,
  {
    404: "NOT_FOUND: no such service, stylist or customer",
    409: "SLOT_UNAVAILABLE: someone else took the time; CONFLICT: a customer email taken; BOOKING_LIMIT_REACHED",
    422: `${slotRules}; PATCH_TEST_REQUIRED: the service needs a patch test and the customer has no valid one on record`,
  },
  { done: "Booked", etag: true },
);
appointments.get("Get an appointment", Appointment, true);
appointments.update("Reschedule an appointment or change its status", ZApiUpdateAppointmentBody, Appointment, {
  404: "NOT_FOUND: no such stylist or service to move to",
  409: "SLOT_UNAVAILABLE, CUTOFF_PASSED or INVALID_TRANSITION",
  422: slotRules,
});
appointments.remove(
  "cancel",
  "cancelled",
  "Cancel an appointment (the record stays, status CANCELLED)",
  Appointment,
  { 409: "CUTOFF_PASSED or INVALID_TRANSITION" },
  {
    schema: ZApiCancelAppointmentBody,
    description:
      "The body is optional for a customer's own booking. Staff keys must say why (`reason`); without it the answer is 422 naming `reason`.",
  },
);

const visits = collection("/visits", "Visits", "appointments", { one: "visit", many: "visits" });
visits.create(
  "Book a visit of several services",
  ZApiCreateVisitBody,
  ZApiVisit,
  {
    404: "NOT_FOUND: no such service, stylist or customer",
    409: "SLOT_UNAVAILABLE: some segment's time is taken (nothing is booked); BOOKING_LIMIT_REACHED (a visit counts once)",
    422: `${slotRules} (for the visit's start); PATCH_TEST_REQUIRED`,
  },
  {
    done: "Booked: the visit and every segment (held as PENDING_PAYMENT, with a paymentUrl, when a service asks for a deposit)",
    etag: true,
  },
);
visits.get("Get a visit with its segments", ZApiVisit, true);
visits.update("Move a whole visit to a new start", ZApiRescheduleVisitBody, ZApiVisit, {
  409: "SLOT_UNAVAILABLE, CUTOFF_PASSED or INVALID_TRANSITION",
  422: slotRules,
});
visits.remove(
  "cancel",
  "cancelled",
  "Cancel every segment of a visit (the records stay, status CANCELLED)",
  ZApiVisit,
  { 409: "CUTOFF_PASSED or INVALID_TRANSITION" },
  {
    schema: ZApiCancelAppointmentBody,
    description: "The body is optional for a customer's own visit. Staff keys must say why (`reason`).",
  },
);

registerOperation({
  method: "get",
  path: "/availability",
  operationId: "getAvailability",
  tag: "Availability",
  scope: "appointments:read",
  summary: "Free slots for a service, or for a visit of several",
  description:
    "Slots inside the salon's booking horizon; a range reaching past it is cut there and the answer says `horizonEndsAt`. `timeZone` labels the slots (`localDate`, `localTime`) in another IANA zone.",
  query: ZApiAvailabilityQuery,
  success: { status: 200, description: "Bookable slots in the range", schema: ZApiAvailability.meta({ id: "Availability" }) },
  errors: { 404: "NOT_FOUND: no such service or stylist" },
});

const services = collection("/services", "Services", "services", { one: "service", many: "services" });
services.list("List services", ZApiListServicesQuery, ServicePage);
services.create("Create a service (admin keys)", ZCreateServiceInput, Service, { 409: "CONFLICT: the slug is taken" }, { etag: true });
services.get("Get a service", Service, true);
services.update("Update a service (admin keys)", ZUpdateServiceInput, Service, { 409: "CONFLICT: the slug is taken" });
services.remove("deactivate", "deactivated", "Deactivate a service (admin keys; the record stays)", Service, {});

const staff = collection("/staff", "Staff", "staff", { one: "staffMember", many: "staff" });
staff.list("List stylists with their services", ZApiListStaffQuery, StaffPage);
staff.get("Get a stylist", StaffMember);

const customers = collection("/customers", "Customers", "customers", { one: "customer", many: "customers" });
customers.list("List or search customers (staff keys)", ZApiListCustomersQuery, CustomerPage);
customers.create("Create a customer (staff keys)", ZCreateCustomerInput, Customer, { 409: "CONFLICT: the email is already registered" });
customers.get("Get a customer (staff keys)", Customer);

registerOperation({
  method: "get",
  path: "/salon",
  operationId: "getSalon",
  tag: "Salon",
  summary: "The salon's settings and booking rules",
  success: { status: 200, description: "Name, timezone, currency, slot step, notice, horizon and cutoffs", schema: ZApiSalon },
});

registerOperation({
  method: "get",
  path: "/me",
  operationId: "getMe",
  tag: "Me",
  summary: "The key's owner, role and scopes",
  success: { status: 200, description: "Who this key acts as", schema: ZApiMe.meta({ id: "Me" }) },
});

const WaitlistEntry = ZApiWaitlistEntry.meta({ id: "WaitlistEntry" });
const waitlist = collection("/waitlist", "Waitlist", "appointments", { one: "waitlist entry", many: "waitlist entries" });
waitlist.list(
  "List waitlist entries",
  ZApiListWaitlistQuery,
  ZApiWaitlistPage,
  "Customer keys see only their own entries; staff keys (front desk, admin) the salon's. Ordered by when they joined.",
);
waitlist.create("Join the waitlist", ZApiCreateWaitlistBody, WaitlistEntry, {
  409: "WAITLIST_LIMIT_REACHED: the customer already holds the salon's maximum of active entries",
});
registerOperation({
  method: "delete",
  path: "/waitlist/{id}",
  operationId: "leaveWaitlist",
  tag: "Waitlist",
  scope: "appointments:write",
  summary: "Leave the waitlist (the record stays, status LEFT)",
  params: idParam,
  success: { status: 200, description: "The entry, now LEFT", schema: WaitlistEntry },
  errors: { 409: "INVALID_TRANSITION: the entry is no longer on the waitlist" },
});

registerOperation({
  method: "get",
  path: "/reports/summary",
  operationId: "getReportSummary",
  tag: "Reports",
  scope: "reports:read",
  summary: "Headline figures for a range of the salon's local dates (admin and stylist keys)",
  description: "A stylist's key sees only its owner's figures; naming another stylist answers 403.",
  query: ZApiReportSummaryQuery,
  success: {
    status: 200,
    description: "Completed revenue, appointments by status, utilisation, no-show rate",
    schema: ZApiReportSummary.meta({ id: "ReportSummary" }),
  },
});
