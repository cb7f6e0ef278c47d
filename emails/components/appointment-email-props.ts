/**
 * What every appointment email shows, already formatted for the reader (times in the salon's timezone,
 * price with its currency). Templates stay pure: no database, no environment, so they render in the
 * preview server and in tests exactly as in production.
 */
export type AppointmentEmailProps = {
  customerName: string;
  salonName: string;
  salonAddress: string;
  serviceName: string;
  stylistName: string;
  price: string;
  /** e.g. "Monday, 7 January 2030, 10:00" */
  startsAt: string;
  /** e.g. "11:00" (or a full date when the appointment ends on another day) */
  endsAt: string;
  /** e.g. "Europe/London (GMT)" */
  timeZone: string;
  manageUrl: string;
  /** Written by the customer: untrusted, always rendered as text. */
  customerNote: string | null;
  /** A visit of several services: each one, in order (the fields above then sum the visit up). */
  segments?: EmailSegment[];
};

/** One service of a visit, e.g. { serviceName: "Colour", stylistName: "Grace", time: "11:00 – 12:30" }. */
export type EmailSegment = { serviceName: string; stylistName: string; time: string };

export const previewAppointment: AppointmentEmailProps = {
  customerName: "Ada Lovelace",
  salonName: "Pamper Salon",
  salonAddress: "12 High Street, London N1 1AA",
  serviceName: "Cut & blow-dry",
  stylistName: "Grace",
  price: "£45.00",
  startsAt: "Monday, 7 January 2030, 10:00",
  endsAt: "11:00",
  timeZone: "Europe/London (GMT)",
  manageUrl: "http://localhost:3000/appointments/preview",
  customerNote: "Please use the <b>fragrance-free</b> shampoo & conditioner",
};

/** A visit of two services, for previews and tests of the visit variant of every email. */
export const previewVisit: AppointmentEmailProps = {
  ...previewAppointment,
  serviceName: "Cut + Colour",
  price: "£120.00",
  endsAt: "12:30",
  segments: [
    { serviceName: "Cut", stylistName: "Grace", time: "10:00 – 11:00" },
    { serviceName: "Colour", stylistName: "Ada", time: "11:00 – 12:30" },
  ],
};
