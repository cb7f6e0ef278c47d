import { z } from "zod";
import { registerOperation } from "@/lib/api/openapi/registry";
import {
  ZApiAppointment,
  ZApiAppointmentPage,
  ZApiCancelAppointmentBody,
  ZApiCreateAppointmentBody,
  ZApiListAppointmentsQuery,
  ZApiUpdateAppointmentBody,
} from "@/lib/api/schemas/appointments";
import { ZApiAvailability, ZApiAvailabilityQuery } from "@/lib/api/schemas/availability";
import { ZId } from "@/lib/api/schemas/common";
import { ZApiCustomer, ZApiCustomerPage, ZApiListCustomersQuery } from "@/lib/api/schemas/customers";
import { ZApiMe } from "@/lib/api/schemas/me";
import { ZApiReportSummary, ZApiReportSummaryQuery } from "@/lib/api/schemas/reports";
import { ZApiListServicesQuery, ZApiService, ZApiServicePage } from "@/lib/api/schemas/services";
import { ZApiListStaffQuery, ZApiStaffMember, ZApiStaffPage } from "@/lib/api/schemas/staff";
import { ZCreateCustomerInput } from "@/lib/customers/schema";
import { ZCreateServiceInput, ZUpdateServiceInput } from "@/lib/services/schema";

// Every operation of /api/v1. A test checks this list against the route files, both ways.
const Appointment = ZApiAppointment.meta({ id: "Appointment" });
const Service = ZApiService.meta({ id: "Service" });
const StaffMember = ZApiStaffMember.meta({ id: "StaffMember" });
const Customer = ZApiCustomer.meta({ id: "Customer" });
const idParam = z.object({ id: ZId });
const changed = { 409: "Conflict (slot taken, cutoff passed, invalid transition)", 412: "If-Match is stale", 428: "If-Match is missing" };

type Errors = Record<number, string>;

/**
 * A collection and its items (`{path}/{id}`) share their shapes: scopes named after the collection, a
 * page from the list, the item from the others. Each operation then states only what is its own.
 */
function collection(path: string, tag: string, scope: string, noun: { one: string; many: string }) {
  const item = `${path}/{id}`;
  const read = `${scope}:read`;
  const write = `${scope}:write`;
  return {
    list(summary: string, query: z.ZodObject, page: z.ZodType, description?: string) {
      registerOperation({
        method: "get",
        path,
        tag,
        scope: read,
        summary,
        description,
        query,
        success: { status: 200, description: `A page of ${noun.many}`, schema: page },
      });
    },
    create(summary: string, body: z.ZodType, schema: z.ZodType, errors: Errors, options: { done?: string; etag?: boolean } = {}) {
      const success = { status: 201, description: options.done ?? "Created", schema, etag: options.etag };
      registerOperation({ method: "post", path, tag, scope: write, summary, body, success, errors });
    },
    get(summary: string, schema: z.ZodType, etag?: boolean) {
      registerOperation({
        method: "get",
        path: item,
        tag,
        scope: read,
        summary,
        params: idParam,
        success: { status: 200, description: `The ${noun.one}`, schema, etag },
      });
    },
    update(summary: string, body: z.ZodType, schema: z.ZodType, errors: Errors) {
      const success = { status: 200, description: `The updated ${noun.one}`, schema, etag: true };
      registerOperation({ method: "patch", path: item, tag, scope: write, summary, params: idParam, body, success, errors });
    },
    remove(summary: string, done: string, schema: z.ZodType, errors: Errors, body?: z.ZodType) {
      const success = { status: 200, description: `The ${done} ${noun.one}`, schema, etag: true };
      registerOperation({
        method: "delete",
        path: item,
        tag,
        scope: write,
        summary,
        params: idParam,
        body,
        bodyOptional: body !== undefined,
        success,
        errors,
      });
    },
  };
}

const appointments = collection("/appointments", "Appointments", "appointments", { one: "appointment", many: "appointments" });
appointments.list(
  "List appointments",
  ZApiListAppointmentsQuery,
  ZApiAppointmentPage,
  "Customer keys see only their own appointments. Ordered by start time.",
);
appointments.create(
  "Book an appointment",
  ZApiCreateAppointmentBody,
  Appointment,
  { 409: "SLOT_UNAVAILABLE, or an Idempotency-Key still in flight" },
  { done: "Booked", etag: true },
);
appointments.get("Get an appointment", Appointment, true);
appointments.update("Reschedule an appointment or change its status", ZApiUpdateAppointmentBody, Appointment, changed);
appointments.remove(
  "Cancel an appointment (the record stays, status CANCELLED)",
  "cancelled",
  Appointment,
  changed,
  ZApiCancelAppointmentBody,
);

registerOperation({
  method: "get",
  path: "/availability",
  tag: "Availability",
  scope: "appointments:read",
  summary: "Free slots for a service",
  query: ZApiAvailabilityQuery,
  success: { status: 200, description: "Bookable slots in the range", schema: ZApiAvailability },
});

const services = collection("/services", "Services", "services", { one: "service", many: "services" });
services.list("List services", ZApiListServicesQuery, ZApiServicePage);
services.create(
  "Create a service (admin keys)",
  ZCreateServiceInput,
  Service,
  { 409: "Slug taken, or an Idempotency-Key still in flight" },
  { etag: true },
);
services.get("Get a service", Service, true);
services.update("Update a service (admin keys)", ZUpdateServiceInput, Service, { 409: "Slug taken", 412: changed[412], 428: changed[428] });
services.remove("Deactivate a service (admin keys; the record stays)", "deactivated", Service, { 412: changed[412], 428: changed[428] });

const staff = collection("/staff", "Staff", "staff", { one: "stylist", many: "stylists" });
staff.list("List stylists with their services", ZApiListStaffQuery, ZApiStaffPage);
staff.get("Get a stylist", StaffMember);

const customers = collection("/customers", "Customers", "customers", { one: "customer", many: "customers" });
customers.list("List or search customers (staff keys)", ZApiListCustomersQuery, ZApiCustomerPage);
customers.create("Create a customer (staff keys)", ZCreateCustomerInput, Customer, {
  409: "Email already registered, or an Idempotency-Key still in flight",
});
customers.get("Get a customer (staff keys)", Customer);

registerOperation({
  method: "get",
  path: "/me",
  tag: "Me",
  summary: "The key's owner, role and scopes",
  success: { status: 200, description: "Who this key acts as", schema: ZApiMe },
});

registerOperation({
  method: "get",
  path: "/reports/summary",
  tag: "Reports",
  scope: "reports:read",
  summary: "Headline figures for a range of the salon's local dates (admin and stylist keys)",
  description: "A stylist's key sees only its owner's figures; naming another stylist answers 403.",
  query: ZApiReportSummaryQuery,
  success: { status: 200, description: "Completed revenue, appointments by status, utilisation, no-show rate", schema: ZApiReportSummary },
});
