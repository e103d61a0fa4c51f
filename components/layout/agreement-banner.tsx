import Link from "next/link";
import type { AgreementReminder } from "@/lib/agreements/queries";

/** Asks customer admins to accept the agreement in force (the admin center's layout decides when). */
export function AgreementBanner({ reminder }: { reminder: AgreementReminder }) {
  if (!reminder) return null;
  return (
    <div role="status" className="mb-6 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-gray-900">
      {reminder.newVersion ? `A new version of the Customer Agreement (${reminder.newVersion}) is in force.` : "Your organization hasn't accepted the Customer Agreement yet."}{" "}
      Partners can't place purchases for {reminder.organizationName} until it is accepted.{" "}
      <Link className="font-medium text-accent-800 underline" href="/admin/agreement">
        Review and accept the agreement
      </Link>
    </div>
  );
}
