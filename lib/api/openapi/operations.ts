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

registerOperation({
  method: "get", path: "/appointments", tag: "Appointments", scope: "appointments:read",
  summary: "List appointments",
  description: "Customer keys see only their own appointments. Ordered by start time.",
  query: ZApiListAppointmentsQuery,
  success: { status: 200, description: "A page of appointments", schema: ZApiAppointmentPage },
});
registerOperation({
  method: "post", path: "/appointments", tag: "Appointments", scope: "appointments:write",
  summary: "Book an appointment",
  body: ZApiCreateAppointmentBody,
  success: { status: 201, description: "Booked", schema: Appointment, etag: true },
  errors: { 409: "SLOT_UNAVAILABLE, or an Idempotency-Key still in flight" },
});
registerOperation({
  method: "get", path: "/appointments/{id}", tag: "Appointments", scope: "appointments:read",
  summary: "Get an appointment", params: idParam,
  success: { status: 200, description: "The appointment", schema: Appointment, etag: true },
});
registerOperation({
  method: "patch", path: "/appointments/{id}", tag: "Appointments", scope: "appointments:write",
  summary: "Reschedule an appointment or change its status", params: idParam, body: ZApiUpdateAppointmentBody,
  success: { status: 200, description: "The updated appointment", schema: Appointment, etag: true },
  errors: changed,
});
registerOperation({
  method: "delete", path: "/appointments/{id}", tag: "Appointments", scope: "appointments:write",
  summary: "Cancel an appointment (the record stays, status CANCELLED)", params: idParam,
  body: ZApiCancelAppointmentBody, bodyOptional: true,
  success: { status: 200, description: "The cancelled appointment", schema: Appointment, etag: true },
  errors: changed,
});
registerOperation({
  method: "get", path: "/availability", tag: "Availability", scope: "appointments:read",
  summary: "Free slots for a service", query: ZApiAvailabilityQuery,
  success: { status: 200, description: "Bookable slots in the range", schema: ZApiAvailability },
});
registerOperation({
  method: "get", path: "/services", tag: "Services", scope: "services:read",
  summary: "List services", query: ZApiListServicesQuery,
  success: { status: 200, description: "A page of services", schema: ZApiServicePage },
});
registerOperation({
  method: "post", path: "/services", tag: "Services", scope: "services:write",
  summary: "Create a service (admin keys)", body: ZCreateServiceInput,
  success: { status: 201, description: "Created", schema: Service, etag: true },
  errors: { 409: "Slug taken, or an Idempotency-Key still in flight" },
});
registerOperation({
  method: "get", path: "/services/{id}", tag: "Services", scope: "services:read",
  summary: "Get a service", params: idParam,
  success: { status: 200, description: "The service", schema: Service, etag: true },
});
registerOperation({
  method: "patch", path: "/services/{id}", tag: "Services", scope: "services:write",
  summary: "Update a service (admin keys)", params: idParam, body: ZUpdateServiceInput,
  success: { status: 200, description: "The updated service", schema: Service, etag: true },
  errors: { 409: "Slug taken", 412: changed[412], 428: changed[428] },
});
registerOperation({
  method: "delete", path: "/services/{id}", tag: "Services", scope: "services:write",
  summary: "Deactivate a service (admin keys; the record stays)", params: idParam,
  success: { status: 200, description: "The deactivated service", schema: Service, etag: true },
  errors: { 412: changed[412], 428: changed[428] },
});
registerOperation({
  method: "get", path: "/staff", tag: "Staff", scope: "staff:read",
  summary: "List stylists with their services", query: ZApiListStaffQuery,
  success: { status: 200, description: "A page of stylists", schema: ZApiStaffPage },
});
registerOperation({
  method: "get", path: "/staff/{id}", tag: "Staff", scope: "staff:read",
  summary: "Get a stylist", params: idParam,
  success: { status: 200, description: "The stylist", schema: StaffMember },
});
registerOperation({
  method: "get", path: "/customers", tag: "Customers", scope: "customers:read",
  summary: "List or search customers (staff keys)", query: ZApiListCustomersQuery,
  success: { status: 200, description: "A page of customers", schema: ZApiCustomerPage },
});
registerOperation({
  method: "post", path: "/customers", tag: "Customers", scope: "customers:write",
  summary: "Create a customer (staff keys)", body: ZCreateCustomerInput,
  success: { status: 201, description: "Created", schema: Customer },
  errors: { 409: "Email already registered, or an Idempotency-Key still in flight" },
});
registerOperation({
  method: "get", path: "/customers/{id}", tag: "Customers", scope: "customers:read",
  summary: "Get a customer (staff keys)", params: idParam,
  success: { status: 200, description: "The customer", schema: Customer },
});
registerOperation({
  method: "get", path: "/me", tag: "Me", summary: "The key's owner, role and scopes",
  success: { status: 200, description: "Who this key acts as", schema: ZApiMe },
});
