import { AppError, orNotFound } from "@/lib/errors";
import type { SalonSettings } from "@/lib/generated/prisma/client";
import type { AvailabilityInput, InstantRange, WorkingInterval } from "./availability";

/**
 * Rows the data layer loads for one availability question (loadBookingContext in data.ts), and the
 * checks and conversion that turn them into the pure engine's input.
 */
export type SalonAndServiceRow = Pick<
  SalonSettings,
  | "timezone"
  | "slotStepMinutes"
  | "minNoticeMinutes"
  | "bookingHorizonDays"
  | "cancelCutoffMinutes"
  | "rescheduleCutoffMinutes"
  | "maxFutureBookingsPerCustomer"
> & {
  // The service's columns come from a LEFT JOIN: all null when the service does not exist.
  serviceId: string | null;
  serviceName: string | null;
  serviceActive: boolean | null;
  durationMinutes: number | null;
  bufferBeforeMinutes: number | null;
  bufferAfterMinutes: number | null;
  priceCents: number | null;
  currency: string | null;
  /** How the service sits inside a visit (0 and true when the service does not exist). */
  processingMinutes: number;
  bufferInsideVisit: boolean;
};

export type StaffScheduleRow = {
  staffId: string;
  name: string;
  active: boolean;
  performsService: boolean;
  workingHours: WorkingInterval[];
  timeOff: InstantRange[];
  busy: InstantRange[];
};

export type BookableService = {
  id: string;
  name: string;
  active: boolean;
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  priceCents: number;
  currency: string;
};

/** The service of the row, or NOT_FOUND when it does not exist. */
export function serviceOf(row: SalonAndServiceRow): BookableService {
  return {
    id: orNotFound(row.serviceId, "That service does not exist."),
    name: row.serviceName ?? "",
    active: row.serviceActive ?? false,
    durationMinutes: row.durationMinutes ?? 0,
    bufferBeforeMinutes: row.bufferBeforeMinutes ?? 0,
    bufferAfterMinutes: row.bufferAfterMinutes ?? 0,
    priceCents: row.priceCents ?? 0,
    currency: (row.currency ?? "").trim(),
  };
}

export function assertServiceBookable(service: BookableService): void {
  if (!service.active) {
    throw new AppError("VALIDATION", "That service is not available for booking.", [
      { path: "serviceId", message: "This service is not offered at the moment." },
    ]);
  }
}

/** A named stylist must exist, be active and perform the service. */
export function assertStylistBookable(row: StaffScheduleRow | undefined, staffId: string): StaffScheduleRow {
  if (!row || row.staffId !== staffId) throw new AppError("NOT_FOUND", "That stylist does not exist.");
  if (!row.active) {
    throw new AppError("VALIDATION", "That stylist is not taking bookings.", [
      { path: "staffId", message: "This stylist is not taking bookings." },
    ]);
  }
  if (!row.performsService) {
    throw new AppError("VALIDATION", "That stylist does not perform this service.", [
      { path: "staffId", message: "This stylist does not perform the chosen service." },
    ]);
  }
  return row;
}

/** The salon's rules as the engine reads them. */
export function availabilitySettingsOf(salon: SalonAndServiceRow): AvailabilityInput["settings"] {
  const { timezone, slotStepMinutes, minNoticeMinutes, bookingHorizonDays } = salon;
  return { timezone, slotStepMinutes, minNoticeMinutes, bookingHorizonDays };
}

export function toAvailabilityInput(
  salon: SalonAndServiceRow,
  timing: Pick<BookableService, "durationMinutes" | "bufferBeforeMinutes" | "bufferAfterMinutes">,
  staff: StaffScheduleRow[],
  now: number,
): Omit<AvailabilityInput, "range"> {
  return {
    settings: availabilitySettingsOf(salon),
    service: {
      durationMinutes: timing.durationMinutes,
      bufferBeforeMinutes: timing.bufferBeforeMinutes,
      bufferAfterMinutes: timing.bufferAfterMinutes,
    },
    staff: staff.map(({ staffId, workingHours, timeOff, busy }) => ({ staffId, workingHours, timeOff, busy })),
    now,
  };
}
