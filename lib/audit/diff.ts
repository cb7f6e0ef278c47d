export type Snapshot = Record<string, unknown>;
export type SnapshotDiff = { before: Snapshot | null; after: Snapshot | null };

/** Dates become ISO strings and undefined disappears, exactly as the JSON column will store them. */
function normalise(snapshot: Snapshot | null): Snapshot | null {
  return snapshot === null ? null : (JSON.parse(JSON.stringify(snapshot)) as Snapshot);
}

/**
 * What an audit event keeps: the whole record for a creation or removal, and for an update only the
 * fields that changed on either side. An update that changed nothing is null, so a re-saved form that
 * altered nothing does not bury real changes in the log.
 */
export function diffSnapshots(rawBefore: Snapshot | null, rawAfter: Snapshot | null): SnapshotDiff | null {
  const before = normalise(rawBefore);
  const after = normalise(rawAfter);
  if (!before || !after) return before || after ? { before, after } : null;
  const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]),
  );
  if (changed.length === 0) return null;
  const pick = (snapshot: Snapshot) =>
    Object.fromEntries(changed.filter((field) => field in snapshot).map((field) => [field, snapshot[field]]));
  return { before: pick(before), after: pick(after) };
}
