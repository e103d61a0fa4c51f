import type * as React from "react";
import { cn } from "./cn";

export type BadgeTone = "neutral" | "info" | "success" | "warning" | "danger";

export type BadgeProps = React.ComponentProps<"span"> & {
  tone?: BadgeTone;
};

/** A short status label. Its text carries the meaning; colour only reinforces it (app/globals.css, `.badge`). */
export function Badge({ tone = "neutral", className, ...props }: BadgeProps) {
  return <span className={cn("badge", `badge-${tone}`, className)} {...props} />;
}
