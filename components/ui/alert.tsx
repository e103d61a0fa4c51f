/*
 * Live-region politeness follows severity: info/success use role="status"
 * (polite), warning/danger use role="alert" (assertive). Pass `role` to override.
 */

import type * as React from "react";
import { cn } from "./cn";

export type AlertTone = "info" | "success" | "warning" | "danger";

const tones: Record<AlertTone, { box: string; icon: string }> = {
  info: { box: "border-accent-200 bg-accent-50", icon: "text-accent-700" },
  success: { box: "border-green-200 bg-green-50", icon: "text-green-700" },
  warning: { box: "border-amber-300 bg-amber-50", icon: "text-amber-700" },
  danger: { box: "border-red-200 bg-red-50", icon: "text-red-700" },
};

export type AlertProps = Omit<React.ComponentProps<"div">, "title"> & {
  tone?: AlertTone;
  /** Optional bold first line. */
  title?: React.ReactNode;
};

export function Alert({ tone = "info", title, className, children, role, ...props }: AlertProps) {
  const style = tones[tone];
  return (
    <div
      role={role ?? (tone === "info" || tone === "success" ? "status" : "alert")}
      className={cn("flex gap-3 rounded-md border p-3 text-sm leading-5 text-gray-800", style.box, className)}
      {...props}
    >
      <ToneIcon tone={tone} className={cn("mt-0.5 size-4 shrink-0", style.icon)} />
      <div className="grid min-w-0 flex-1 gap-1">
        {title != null ? <p className="font-semibold text-gray-900">{title}</p> : null}
        {children != null ? <div className="[&_a]:font-medium [&_a]:underline">{children}</div> : null}
      </div>
    </div>
  );
}

function ToneIcon({ tone, className }: { tone: AlertTone; className: string }) {
  const paths: Record<AlertTone, string> = {
    // info: "i" in a circle
    info: "M8 15A7 7 0 1 0 8 1a7 7 0 0 0 0 14Zm.75-9.75a.75.75 0 1 1-1.5 0 .75.75 0 0 1 1.5 0ZM7.25 7.5a.75.75 0 0 1 1.5 0v3.75a.75.75 0 0 1-1.5 0V7.5Z",
    // success: check in a circle
    success:
      "M8 15A7 7 0 1 0 8 1a7 7 0 0 0 0 14Zm3.03-8.97a.75.75 0 0 0-1.06-1.06L7 7.94 6.03 6.97a.75.75 0 0 0-1.06 1.06l1.5 1.5a.75.75 0 0 0 1.06 0l3.5-3.5Z",
    // warning: exclamation in a triangle
    warning:
      "M6.7 2.25a1.5 1.5 0 0 1 2.6 0l5.48 9.5A1.5 1.5 0 0 1 13.48 14H2.52a1.5 1.5 0 0 1-1.3-2.25l5.48-9.5ZM8 5a.75.75 0 0 0-.75.75v3a.75.75 0 0 0 1.5 0v-3A.75.75 0 0 0 8 5Zm0 7a.9.9 0 1 0 0-1.8.9.9 0 0 0 0 1.8Z",
    // danger: exclamation in a circle
    danger:
      "M8 15A7 7 0 1 0 8 1a7 7 0 0 0 0 14Zm-.75-10.25a.75.75 0 0 1 1.5 0v3.5a.75.75 0 0 1-1.5 0v-3.5ZM8 12a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z",
  };
  return (
    <svg viewBox="0 0 16 16" fill="currentColor" aria-hidden="true" className={className}>
      <path fillRule="evenodd" clipRule="evenodd" d={paths[tone]} />
    </svg>
  );
}
