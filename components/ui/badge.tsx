import type * as React from "react";
import { cn } from "./cn";

export type BadgeTone = "neutral" | "info" | "success" | "warning" | "danger";

const tones: Record<BadgeTone, string> = {
  neutral: "bg-gray-100 text-gray-700 ring-gray-500/25",
  info: "bg-accent-50 text-accent-800 ring-accent-600/25",
  success: "bg-green-50 text-green-800 ring-green-600/25",
  warning: "bg-amber-50 text-amber-900 ring-amber-600/35",
  danger: "bg-red-50 text-red-800 ring-red-600/25",
};

export type BadgeProps = React.ComponentProps<"span"> & {
  tone?: BadgeTone;
};

/** A short status label. Its text carries the meaning; colour only reinforces it. */
export function Badge({ tone = "neutral", className, ...props }: BadgeProps) {
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs leading-4 font-medium whitespace-nowrap ring-1 ring-inset",
        "[&_svg]:size-3 [&_svg]:shrink-0",
        tones[tone],
        className,
      )}
      {...props}
    />
  );
}
