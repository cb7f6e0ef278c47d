import { withProblemRoute } from "@/lib/api/with-problem-route";
import { buildCalendarFeedIcs } from "@/lib/calendar/feed-ics";
import { conditionalCalendarResponse } from "@/lib/calendar-feed/conditional-response";
import { loadCalendarFeed } from "@/lib/calendar-feed/data";
import { tokenOfFeedFile } from "@/lib/calendar-feed/token";
import { env } from "@/lib/env";
import { AppError, orNotFound } from "@/lib/errors";

type Context = { params: Promise<{ file: string }> };

/** A stylist's private subscription feed, `/calendar/<token>.ics`: the token is the credential. */
export const GET = withProblemRoute("/calendar/[file]", async (request: Request, { params }: Context) => {
  const token = tokenOfFeedFile((await params).file);
  if (!token) throw new AppError("NOT_FOUND", "No such calendar.");
  const feed = orNotFound(await loadCalendarFeed(token), "No such calendar.");
  const body = buildCalendarFeedIcs({
    calendarName: `${feed.stylistName} — Pamper Book`,
    uidDomain: new URL(env().APP_URL).hostname,
    appointments: feed.appointments,
    timeOff: feed.timeOff,
  });
  return conditionalCalendarResponse(request, body, feed.lastModified);
});
