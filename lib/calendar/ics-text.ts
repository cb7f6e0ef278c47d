/**
 * The low-level pieces of RFC 5545 text: TEXT escaping, UTC DATE-TIME values and 75-octet line folding.
 * Hand-written because an iCalendar *writer* for one VEVENT is small, and every rule here is one a
 * calendar client really enforces (Outlook rejects unfolded long lines; Apple mis-parses bare commas).
 */

const CRLF = "\r\n";
const MAX_LINE_OCTETS = 75;

/** Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma, and newlines as "\n". */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** A UTC DATE-TIME value (RFC 5545 §3.3.5, form 2), e.g. 20300107T100000Z. */
export function formatUtcDateTime(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/**
 * Folds a content line so no physical line exceeds 75 octets (RFC 5545 §3.1). Splits only between
 * characters, never inside a UTF-8 sequence, so a multi-byte name is never corrupted.
 */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = "";
  let currentOctets = 0;
  for (const char of line) {
    const octets = encoder.encode(char).length;
    // Continuation lines start with a space, which counts toward their 75 octets.
    const limit = parts.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (currentOctets + octets > limit) {
      parts.push(current);
      current = "";
      currentOctets = 0;
    }
    current += char;
    currentOctets += octets;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** Joins content lines into an iCalendar object: every line folded and CRLF-terminated. */
export function serializeLines(lines: string[]): string {
  return lines.map((line) => foldLine(line) + CRLF).join("");
}
