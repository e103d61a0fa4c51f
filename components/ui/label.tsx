import * as LabelPrimitive from "@radix-ui/react-label";
import type * as React from "react";
import { cn } from "./cn";

export type LabelProps = React.ComponentProps<typeof LabelPrimitive.Root>;

/** Radix Label (a native `<label>`; the Radix module is already a client module). */
export function Label({ className, ...props }: LabelProps) {
  return <LabelPrimitive.Root className={cn("text-sm leading-5 font-medium text-gray-900", className)} {...props} />;
}
