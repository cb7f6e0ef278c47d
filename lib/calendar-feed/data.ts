import "server-only";
import { db } from "@/lib/db";
import type { FeedAppointment, FeedBusyBlock } from "@/lib/calendar/feed-ics";
import { hashCalendarFeedToken } from "./token";

const DAY_MS = 86_400_000;
/** How far back the feed reaches: enough for "when did I last see her?", small enough to poll often. */
const FEED_DAYS_BACK = 30;

export type CalendarFeedData = {
  stylistName: string;
  appointments: FeedAppointment[];
  timeOff: FeedBusyBlock[];
  /** The newest change to anything in the feed's window (cancelled appointments included). */
  lastModified: Date;
};

/** The feed behind a token, from 30 days back to the booking horizon; null for an unknown or rotated token. */
export async function loadCalendarFeed(token: string, now: Date = new Date()): Promise<CalendarFeedData | null> {
  const profile = await db.staffProfile.findUnique({
    where: { calendarTokenHash: hashCalendarFeedToken(token) },
    select: { userId: true, displayName: true, updatedAt: true, user: { select: { disabledAt: true } } },
  });
  if (!profile || profile.user.disabledAt) return null;
  const salon = await db.salonSettings.findUniqueOrThrow({ where: { id: 1 }, select: { bookingHorizonDays: true, updatedAt: true } });
  const from = new Date(now.getTime() - FEED_DAYS_BACK * DAY_MS);
  const until = new Date(now.getTime() + salon.bookingHorizonDays * DAY_MS);
  const [appointments, timeOff] = await Promise.all([
    db.appointment.findMany({
      where: { staffId: profile.userId, startsAt: { lt: until }, endsAt: { gt: from } },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        status: true,
        startsAt: true,
        endsAt: true,
        updatedAt: true,
        version: true,
        customer: { select: { name: true } },
        service: { select: { name: true } },
      },
    }),
    db.timeOff.findMany({
      where: { staffId: profile.userId, startsAt: { lt: until }, endsAt: { gt: from } },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      select: { id: true, startsAt: true, endsAt: true, createdAt: true },
    }),
  ]);
  const stamps = [profile.updatedAt, salon.updatedAt, ...appointments.map((row) => row.updatedAt), ...timeOff.map((row) => row.createdAt)];
  const newest = Math.max(...stamps.map((stamp) => stamp.getTime()));
  // An appointment moved out of the window is no longer read above, but its move is newer than them all.
  const movedOut = await db.appointment.findFirst({
    where: { staffId: profile.userId, updatedAt: { gt: new Date(newest) } },
    orderBy: { updatedAt: "desc" },
    select: { updatedAt: true },
  });
  return {
    stylistName: profile.displayName,
    appointments: appointments
      .filter((row) => row.status !== "CANCELLED")
      .map((row) => ({
        id: row.id,
        startsAt: row.startsAt,
        endsAt: row.endsAt,
        updatedAt: row.updatedAt,
        version: row.version,
        customerFirstName: row.customer.name.trim().split(/\s+/)[0] ?? "",
        serviceName: row.service.name,
      })),
    timeOff,
    lastModified: movedOut?.updatedAt ?? new Date(newest),
  };
}

/** Whether the stylist has a feed link (the token itself is never stored, so it cannot be shown again). */
export async function hasCalendarFeed(staffId: string): Promise<boolean> {
  const profile = await db.staffProfile.findUnique({ where: { userId: staffId }, select: { calendarTokenHash: true } });
  return Boolean(profile?.calendarTokenHash);
}
