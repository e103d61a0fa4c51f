"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { cn } from "@/components/ui/cn";

/**
 * A <details> disclosure for a menu on a narrow screen: it opens and closes without JavaScript, and
 * with it closes again when the page changes (the layouts around it stay mounted across client-side
 * navigation, so an open menu would otherwise cover the new page) and on Escape, handing focus back
 * to its summary.
 */
export function Disclosure({ summary, className, summaryClassName, children }: { summary: React.ReactNode; className?: string; summaryClassName?: string; children: React.ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const pathname = usePathname();
  useEffect(() => {
    if (ref.current) ref.current.open = false;
  }, [pathname]);
  return (
    <details
      ref={ref}
      className={className}
      onKeyDown={(event) => {
        if (event.key !== "Escape" || !ref.current?.open) return;
        ref.current.open = false;
        ref.current.querySelector("summary")?.focus();
      }}
    >
      <summary className={cn("cursor-pointer list-none [&::-webkit-details-marker]:hidden", summaryClassName)}>{summary}</summary>
      {children}
    </details>
  );
}
