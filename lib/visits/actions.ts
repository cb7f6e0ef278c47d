"use server";

import { defineAction } from "@/lib/actions/define-action";
import { blankAsAbsent, formList } from "@/lib/actions/form-input";
import { cancelAppointment } from "@/lib/booking/mutations";
import { findOrCreateCustomer } from "@/lib/customers/mutations";
import type { VisitNotice } from "@/lib/dashboard/labels";
import { ZCancelSegmentForm, ZCancelVisitForm, ZCreateVisitForm, ZReassignSegmentForm, ZRescheduleVisitForm } from "@/lib/dashboard/schema";
import { afterAppointmentChange } from "@/lib/notifications/after-appointment-change";
import { bookVisit, cancelVisit, reassignVisitSegment, rescheduleVisit } from "./mutations";

/**
 * The dashboard's visit actions (a walk-in or phone visit, and changes to a booked one): the permission
 * table first, the shared form schema, then the visit core (or, for one segment, the appointment core),
 * and notifications after every change, like the dashboard's appointment actions.
 */

const visitPage = (visitId: string, notice: VisitNotice) => ({ redirect: `/dashboard/visits/${visitId}?notice=${notice}` });

const staffVisitDoor = { permission: "dashboard.access", after: afterAppointmentChange } as const;

export const createVisitAction = defineAction({
  ...staffVisitDoor,
  schema: ZCreateVisitForm,
  input: ({ values, formData }) => ({
    ...blankAsAbsent(values, "customerPhone", "note", "sameStylist"),
    serviceIds: formList(formData, "serviceId"),
    staffIds: formList(formData, "staffId"),
  }),
  async run({ actor, input }) {
    const customer = await findOrCreateCustomer({ name: input.customerName, email: input.customerEmail, phone: input.customerPhone });
    const visit = await bookVisit(actor, {
      customerId: customer.id,
      startsAt: input.startsAt,
      items: input.serviceIds.map((serviceId, i) => ({ serviceId, staffId: input.staffIds[i] || null })),
      sameStylist: input.sameStylist,
      note: input.note,
      source: "DASHBOARD",
      // At the desk a deposit is taken in person, as for one appointment.
      payment: "waived",
    });
    return visitPage(visit.id, "booked");
  },
});

export const dashboardRescheduleVisitAction = defineAction({
  ...staffVisitDoor,
  schema: ZRescheduleVisitForm,
  async run({ actor, input: { visitId, version, startsAt } }) {
    await rescheduleVisit(actor, { visitId, startsAt, expectedVersion: version });
    return visitPage(visitId, "rescheduled");
  },
});

export const dashboardCancelVisitAction = defineAction({
  ...staffVisitDoor,
  schema: ZCancelVisitForm,
  async run({ actor, input: { visitId, version, reason } }) {
    await cancelVisit(actor, { visitId, reason, expectedVersion: version });
    return visitPage(visitId, "cancelled");
  },
});

export const reassignSegmentAction = defineAction({
  ...staffVisitDoor,
  schema: ZReassignSegmentForm,
  async run({ actor, input: { visitId, appointmentId, version, staffId } }) {
    await reassignVisitSegment(actor, { appointmentId, staffId, expectedVersion: version });
    return visitPage(visitId, "reassigned");
  },
});

export const cancelSegmentAction = defineAction({
  ...staffVisitDoor,
  schema: ZCancelSegmentForm,
  async run({ actor, input: { visitId, appointmentId, version, reason } }) {
    await cancelAppointment(actor, { appointmentId, expectedVersion: version, reason });
    return visitPage(visitId, "segment-cancelled");
  },
});
