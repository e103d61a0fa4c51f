import type * as React from "react";
import { cn } from "./cn";

/** A loading placeholder. Hidden from assistive tech: announce loading state separately. */
export function Skeleton({ className, ...props }: React.ComponentProps<"div">) {
  return <div aria-hidden="true" className={cn("animate-pulse rounded-md bg-gray-200", className)} {...props} />;
}
