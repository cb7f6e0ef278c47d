"use client";

import type { KeyboardEvent } from "react";

/**
 * Arrow-key movement for a grid of buttons with a roving tabindex (one Tab stop for the whole grid,
 * arrows inside it), per the WAI-ARIA grid pattern. Items are the container's `[data-roving]` elements
 * that are not disabled; Up/Down jump by the number of columns actually rendered (responsive layouts).
 */
export function handleRovingKeyDown(event: KeyboardEvent<HTMLElement>, options: { columns?: number; includeDisabled?: boolean } = {}) {
  const { columns, includeDisabled = false } = options;
  const container = event.currentTarget;
  const selector = includeDisabled ? "[data-roving]" : "[data-roving]:not([aria-disabled='true'])";
  const items = [...container.querySelectorAll<HTMLElement>(selector)];
  const index = items.indexOf(document.activeElement as HTMLElement);
  if (index === -1) return;
  const perRow = columns ?? Math.max(1, items.filter((item) => item.offsetTop === items[0]?.offsetTop).length);
  const moves: Record<string, number> = {
    ArrowRight: 1,
    ArrowLeft: -1,
    ArrowDown: perRow,
    ArrowUp: -perRow,
    Home: -index,
    End: items.length - 1 - index,
  };
  const move = moves[event.key];
  if (move === undefined) return;
  event.preventDefault();
  const next = items[Math.min(items.length - 1, Math.max(0, index + move))];
  if (!next) return;
  for (const item of items) item.tabIndex = item === next ? 0 : -1;
  next.focus();
}
