"use client";

import type * as React from "react";
import { useRef, useState } from "react";
import { buttonClasses } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogTitle } from "@/components/ui/dialog";
import { SubmitButton } from "@/components/ui/submit-button";
import { removeRolesAction } from "@/lib/relationships/actions";
import { RemovalSummaryText, type RemovalSummaryView } from "./removal-summary";

/**
 * Remove roles → "Remove roles?" → Yes, for all roles or one role from one type. Without
 * JavaScript the trigger is a link to a confirmation page with the same text and form; with it,
 * the same content opens in a dialog. The text names what ends, per type, before Yes.
 */
export function RemoveRolesDialog({
  relationshipId,
  partnerName,
  summary,
  confirmHref,
  title = "Remove roles?",
  triggerLabel = "Remove roles",
  small = false,
  target,
}: {
  relationshipId: string;
  partnerName: string;
  summary: RemovalSummaryView;
  confirmHref: string;
  title?: string;
  /** The trigger's content; a per-role trigger names the role for screen readers. */
  triggerLabel?: React.ReactNode;
  small?: boolean;
  /** One role from one type; all roles when absent. */
  target?: { roleId: string; viaType: string };
}) {
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLAnchorElement>(null);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <a
        ref={trigger}
        href={confirmHref}
        role="button"
        aria-haspopup="dialog"
        className={buttonClasses(small ? { variant: "secondary", size: "sm" } : { variant: "danger" })}
        onClick={(event) => {
          event.preventDefault();
          setOpen(true);
        }}
      >
        {triggerLabel}
      </a>
      <DialogContent
        onCloseAutoFocus={(event) => {
          // Focus goes back to the trigger, as it would with a dialog trigger.
          event.preventDefault();
          trigger.current?.focus();
        }}
      >
        <DialogTitle>{title}</DialogTitle>
        <DialogDescription asChild>
          <div>
            <RemovalSummaryText partnerName={partnerName} summary={summary} />
          </div>
        </DialogDescription>
        <DialogFooter>
          <DialogClose className={buttonClasses({ variant: "secondary" })}>No</DialogClose>
          <form action={removeRolesAction}>
            <input type="hidden" name="relationshipId" value={relationshipId} />
            {target && (
              <>
                <input type="hidden" name="roleId" value={target.roleId} />
                <input type="hidden" name="viaType" value={target.viaType} />
              </>
            )}
            <SubmitButton variant="danger" pendingLabel="Removing…">
              Yes
            </SubmitButton>
          </form>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
