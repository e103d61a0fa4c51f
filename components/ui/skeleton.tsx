/*
 * Loading placeholders for a route's loading.tsx: grey shapes in the layout of the page to come,
 * inside a <main aria-busy="true"> whose status line says what is loading (announced politely).
 *
 * Without JavaScript a streamed page never replaces its placeholder: React leaves the page in a
 * hidden <div id="S:…"> at the end of <body> for a script to move in. no-script-stream.css shows
 * it there and hides the placeholder when scripting is off, so the page still reads and works.
 */

import type * as React from "react";
import "./no-script-stream.css";
import { cn } from "./cn";

export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden="true" className={cn("animate-pulse rounded-md bg-gray-200 motion-reduce:animate-none", className)} />;
}

/** The page while it loads: a status for assistive technology, and the shapes of the page. */
export function LoadingPage({ label, children, className }: { label: string; children: React.ReactNode; className?: string }) {
  return (
    <main aria-busy="true" data-loading-skeleton="" className={cn("space-y-6", className)}>
      <p role="status" className="sr-only">
        {label}
      </p>
      {children}
    </main>
  );
}

/** A page title, with a line of text under it. */
export function SkeletonHeading({ withLine = true }: { withLine?: boolean }) {
  return (
    <div className="space-y-3">
      <Skeleton className="h-8 w-72 max-w-full" />
      {withLine ? <Skeleton className="h-4 w-[28rem] max-w-full" /> : null}
    </div>
  );
}

// Whole class names, so Tailwind sees them (and no style attribute, which the page policy forbids).
const COLUMNS = { 3: "md:grid-cols-3", 4: "md:grid-cols-4", 5: "md:grid-cols-5", 6: "md:grid-cols-6" } as const;

/** A table: a header row and `rows` rows (stacked bars on a narrow screen). */
export function SkeletonTable({ rows = 6, columns = 4 }: { rows?: number; columns?: keyof typeof COLUMNS }) {
  return (
    <div className="overflow-hidden rounded-lg border border-gray-200 bg-white">
      <div className={cn("hidden gap-4 border-b border-gray-200 bg-gray-50 px-4 py-3 md:grid", COLUMNS[columns])}>
        {Array.from({ length: columns }, (_, i) => (
          <Skeleton key={i} className="h-4 w-24" />
        ))}
      </div>
      {Array.from({ length: rows }, (_, row) => (
        <div key={row} className={cn("grid gap-2 border-b border-gray-100 px-4 py-3 last:border-b-0 md:gap-4", COLUMNS[columns])}>
          {Array.from({ length: columns }, (_, i) => (
            <Skeleton key={i} className={cn("h-4", i === 0 ? "w-4/5" : "w-3/5")} />
          ))}
        </div>
      ))}
    </div>
  );
}

/** A row of summary cards (a dashboard). */
export function SkeletonCards({ count = 3 }: { count?: number }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="space-y-3 rounded-lg border border-gray-200 bg-white p-5">
          <Skeleton className="h-4 w-32" />
          <Skeleton className="h-7 w-16" />
          <Skeleton className="h-4 w-40 max-w-full" />
        </div>
      ))}
    </div>
  );
}

/** A card of label/value lines (details). */
export function SkeletonDetails({ lines = 6 }: { lines?: number }) {
  return (
    <div className="grid gap-3 rounded-lg border border-gray-200 bg-white p-5 sm:grid-cols-[12rem_1fr]">
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} className="contents">
          <Skeleton className="h-4 w-28" />
          <Skeleton className="h-4 w-3/4" />
        </div>
      ))}
    </div>
  );
}

/** A form: labelled fields and a button. */
export function SkeletonForm({ fields = 4 }: { fields?: number }) {
  return (
    <div className="space-y-6">
      {Array.from({ length: fields }, (_, i) => (
        <div key={i} className="space-y-2">
          <Skeleton className="h-4 w-36" />
          <Skeleton className="h-9 w-full" />
        </div>
      ))}
      <Skeleton className="h-9 w-36" />
    </div>
  );
}
