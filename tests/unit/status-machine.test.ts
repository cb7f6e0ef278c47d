import { describe, expect, it } from "vitest";
import { assertTransition, canTransition, transitions, type AppointmentAction } from "@/lib/booking/status-machine";
import { AppError } from "@/lib/errors";

const statuses = ["BOOKED", "CANCELLED", "COMPLETED", "NO_SHOW", "PENDING_PAYMENT", "EXPIRED"] as const;
const actions = Object.keys(transitions) as AppointmentAction[];

// The whole table spelled out: a change to the machine must change this test on purpose.
const none = { BOOKED: null, CANCELLED: null, COMPLETED: null, NO_SHOW: null, PENDING_PAYMENT: null, EXPIRED: null };
const allowed: Record<AppointmentAction, Record<(typeof statuses)[number], string | null>> = {
  reschedule: { ...none, BOOKED: "BOOKED" },
  change_note: { ...none, BOOKED: "BOOKED" },
  // A hold can be given up before it is paid.
  cancel: { ...none, BOOKED: "CANCELLED", PENDING_PAYMENT: "CANCELLED" },
  complete: { ...none, BOOKED: "COMPLETED" },
  no_show: { ...none, BOOKED: "NO_SHOW" },
  add_note: {
    BOOKED: "BOOKED",
    CANCELLED: "CANCELLED",
    COMPLETED: "COMPLETED",
    NO_SHOW: "NO_SHOW",
    PENDING_PAYMENT: "PENDING_PAYMENT",
    EXPIRED: "EXPIRED",
  },
  // A payment after the hold ran out still books the slot when it is free.
  pay: { ...none, PENDING_PAYMENT: "BOOKED", EXPIRED: "BOOKED" },
  expire: { ...none, PENDING_PAYMENT: "EXPIRED" },
};

describe("the appointment status machine", () => {
  it("knows exactly the actions of the table", () => {
    expect(actions.sort()).toEqual(Object.keys(allowed).sort());
  });

  for (const action of actions) {
    for (const status of statuses) {
      const expected = allowed[action][status];
      it(`${expected ? "allows" : "refuses"} ${action} from ${status}`, () => {
        expect(canTransition(status, action)).toBe(expected !== null);
        if (expected) {
          expect(assertTransition(status, action)).toBe(expected);
        } else {
          let caught: unknown;
          try {
            assertTransition(status, action);
          } catch (error) {
            caught = error;
          }
          expect(caught).toBeInstanceOf(AppError);
          expect((caught as AppError).code).toBe("INVALID_TRANSITION");
        }
      });
    }
  }

  it("never changes the status of a cancelled, completed or no-show appointment", () => {
    for (const status of ["CANCELLED", "COMPLETED", "NO_SHOW"] as const) {
      for (const action of actions) {
        if (canTransition(status, action)) expect(assertTransition(status, action)).toBe(status);
      }
    }
  });

  it("reaches COMPLETED and NO_SHOW only from BOOKED", () => {
    for (const action of actions) {
      const { from, to } = transitions[action];
      if (to === "COMPLETED" || to === "NO_SHOW") expect(from).toEqual(["BOOKED"]);
    }
  });
});
