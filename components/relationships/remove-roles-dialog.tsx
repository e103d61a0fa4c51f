"use client";

import { useRef, useState } from "react";
import { buttonClasses } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogTitle } from "@/components/ui/dialog";
import { SubmitButton } from "@/components/ui/submit-button";
import { removeRolesAction } from "@/lib/relationships/actions";

/**
 * Remove roles → "Remove roles?" → Yes. Without JavaScript the button is a link to a
 * confirmation page with the same form; with it, the same content opens in a dialog.
 */
export function RemoveRolesDialog({
  relationshipId,
  partnerName,
  roles,
  remainingTypes,
  confirmHref,
}: {
  relationshipId: string;
  partnerName: string;
  roles: string[];
  remainingTypes: string[];
  confirmHref: string;
}) {
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLAnchorElement>(null);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <a
        ref={trigger}
        href={confirmHref}
        role="button"
        className={buttonClasses({ variant: "danger" })}
        onClick={(event) => {
          event.preventDefault();
          setOpen(true);
        }}
      >
        Remove roles
      </a>
      <DialogContent
        onCloseAutoFocus={(event) => {
          // Focus goes back to Remove roles, as it would with a dialog trigger.
          event.preventDefault();
          trigger.current?.focus();
        }}
      >
        <DialogTitle>Remove roles?</DialogTitle>
        <DialogDescription asChild>
          <div className="space-y-3 text-sm text-gray-800">
            <p>{partnerName} will lose these admin roles at once:</p>
            <ul className="list-disc pl-5">
              {roles.map((role) => (
                <li key={role}>{role}</li>
              ))}
            </ul>
            <p>
              The relationship itself stays
              {remainingTypes.length > 0 ? `: ${partnerName} remains ${remainingTypes.join(", ")}.` : "."} To end it, contact {partnerName}.
            </p>
          </div>
        </DialogDescription>
        <DialogFooter>
          <DialogClose className={buttonClasses({ variant: "secondary" })}>No</DialogClose>
          <form action={removeRolesAction}>
            <input type="hidden" name="relationshipId" value={relationshipId} />
            <SubmitButton variant="danger" pendingLabel="Removing…">
              Yes
            </SubmitButton>
          </form>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
