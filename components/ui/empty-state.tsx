import type * as React from "react";
import { cn } from "./cn";

export type EmptyStateProps = Omit<React.ComponentProps<"div">, "title" | "children"> & {
  title: string;
  /** Explanation under the title. */
  children?: React.ReactNode;
  /** Usually a Button or a link styled with buttonClasses(). */
  action?: React.ReactNode;
  /** Replaces the default illustration (decorative; rendered aria-hidden). */
  icon?: React.ReactNode;
  /** Heading level of the title; defaults to h2. */
  as?: "h2" | "h3" | "p";
};

export function EmptyState({ title, children, action, icon, as: Heading = "h2", className, ...props }: EmptyStateProps) {
  return (
    <div
      className={cn(
        "flex flex-col items-center justify-center rounded-lg border border-dashed border-gray-300 bg-white px-6 py-12 text-center",
        className,
      )}
      {...props}
    >
      <div
        aria-hidden="true"
        className="mb-4 flex size-12 items-center justify-center rounded-full bg-gray-100 text-gray-600 [&_svg]:size-6"
      >
        {icon ?? <InboxIcon />}
      </div>
      <Heading className="text-base leading-6 font-semibold text-gray-900">{title}</Heading>
      {children != null ? <div className="mt-1 max-w-md text-sm text-gray-600">{children}</div> : null}
      {action != null ? <div className="mt-6 flex flex-wrap items-center justify-center gap-2">{action}</div> : null}
    </div>
  );
}

function InboxIcon() {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round">
      <path d="M3 13.5h4.4a1 1 0 0 1 .9.55l.9 1.9a1 1 0 0 0 .9.55h4a1 1 0 0 0 .9-.55l.9-1.9a1 1 0 0 1 .9-.55H21" />
      <path d="M5.3 5.6 3 13.5V18a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2v-4.5l-2.3-7.9A2 2 0 0 0 16.8 4H7.2a2 2 0 0 0-1.9 1.6Z" />
    </svg>
  );
}
