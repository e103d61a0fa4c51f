"use client";

import { useEffect, useState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";

/**
 * Resend, unavailable until `availableAt` (the server refuses an earlier resend too). The page says
 * when (`availableLabel`, formatted on the server so every reader sees the same time); with
 * JavaScript the button comes back on its own at that moment, without it on the next page load.
 */
export function ResendButton({ availableAt, availableLabel }: { availableAt: string | null; availableLabel: string | null }) {
  const [waiting, setWaiting] = useState(availableAt !== null);
  useEffect(() => {
    if (!availableAt) return;
    const timer = setTimeout(() => setWaiting(false), Math.max(0, Date.parse(availableAt) - Date.now()));
    return () => clearTimeout(timer);
  }, [availableAt]);

  return (
    <div className="grid gap-1">
      <SubmitButton variant="secondary" pendingLabel="Sending…" disabled={waiting} aria-describedby={waiting ? "resend-wait" : undefined}>
        Resend
      </SubmitButton>
      {waiting && availableLabel ? (
        <p id="resend-wait" className="text-sm text-gray-700">
          Available again at {availableLabel}
        </p>
      ) : null}
    </div>
  );
}
