"use client";

import dynamic from "next/dynamic";

/**
 * The waitlist form (react-hook-form and its fields) loads only when a signed-in customer reaches the time
 * step, so the booking steps keep their first-load JS budget.
 */
export const LazyJoinWaitlistForm = dynamic(() => import("@/app/waitlist/_components/join-waitlist-form").then((m) => m.JoinWaitlistForm));
