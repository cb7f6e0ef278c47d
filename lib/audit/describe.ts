import { formatSalonDateTime, type SalonFormat } from "@/lib/time/format-when";
import type { Snapshot } from "./diff";

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function show(field: string, value: unknown, salon: SalonFormat, names: Map<string, string>): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (field === "priceCents" && typeof value === "number") return (value / 100).toFixed(2);
  if (typeof value === "string" && ISO_INSTANT.test(value)) return formatSalonDateTime(new Date(value), salon);
  if (Array.isArray(value)) return value.length === 0 ? "none" : value.map((item) => names.get(String(item)) ?? String(item)).join(", ");
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/**
 * An audit event's before → after as lines a person reads ("priceCents: 35.00 → 40.00"): every field
 * the event kept (only changed ones for an update), instants in the salon's time, ids as names.
 */
export function describeAuditChange(before: unknown, after: unknown, salon: SalonFormat, names: Map<string, string>): string[] {
  const was = (before ?? {}) as Snapshot;
  const now = (after ?? {}) as Snapshot;
  const fields = [...new Set([...Object.keys(was), ...Object.keys(now)])];
  return fields.map((field) => {
    if (!(field in now)) return `${field}: ${show(field, was[field], salon, names)} → removed`;
    if (!(field in was)) return `${field}: ${show(field, now[field], salon, names)}`;
    return `${field}: ${show(field, was[field], salon, names)} → ${show(field, now[field], salon, names)}`;
  });
}
