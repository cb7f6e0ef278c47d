"use client";

import { useEffect, useRef } from "react";

type FormMessageProps = { tone: "error" | "success"; message?: string; id?: string };

/**
 * The outcome of a submit. It takes focus when it appears so keyboard and screen-reader users land on
 * the news; role="alert" is scoped here because Next also renders a route announcer with that role.
 */
export function FormMessage({ tone, message, id }: FormMessageProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  if (!message) return null;
  const styles = tone === "error" ? "border-red-300 bg-red-50 text-red-800" : "border-emerald-300 bg-emerald-50 text-emerald-900";
  return (
    <div
      ref={ref}
      id={id}
      tabIndex={-1}
      role={tone === "error" ? "alert" : "status"}
      data-form-message
      className={`rounded-lg border px-4 py-3 text-sm ${styles}`}
    >
      {message}
    </div>
  );
}
