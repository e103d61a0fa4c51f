import Link from "next/link";
import { signOutAction } from "@/lib/auth/actions";

const navLink = "rounded px-2 py-1 text-sm font-medium text-gray-700 hover:bg-gray-100 hover:text-gray-900";

/** Who is signed in and which areas they may enter; the root layout reads it. */
export interface HeaderView {
  signedInAs: string | null;
  adminCenter: boolean;
  partnerPortal: boolean;
  mailbox: boolean;
}

export function SiteHeader({ view }: { view: HeaderView }) {
  return (
    <header className="border-b border-gray-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 rounded text-base font-semibold text-gray-900">
          <span aria-hidden="true" className="grid size-7 place-items-center rounded bg-accent-600 text-xs font-bold text-white">
            P
          </span>
          Partnerships
        </Link>
        <nav aria-label="Main" className="flex flex-1 flex-wrap items-center gap-1">
          <Link className={navLink} href="/partners">
            Find a partner
          </Link>
          {view.partnerPortal && (
            <Link className={navLink} href="/partner">
              Partner portal
            </Link>
          )}
          {view.adminCenter && (
            <Link className={navLink} href="/admin">
              Admin center
            </Link>
          )}
          {view.mailbox && (
            <Link className={navLink} href="/dev/mailbox">
              Mailbox
            </Link>
          )}
        </nav>
        {view.signedInAs ? (
          <div className="flex items-center gap-3 text-sm">
            <span className="text-gray-700">
              Signed in as <span className="font-medium text-gray-900">{view.signedInAs}</span>
            </span>
            <form action={signOutAction}>
              <button type="submit" className="rounded border border-gray-300 px-3 py-1.5 font-medium text-gray-800 hover:bg-gray-50">
                Sign out
              </button>
            </form>
          </div>
        ) : (
          <Link href="/signin" className="rounded bg-accent-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-accent-700">
            Sign in
          </Link>
        )}
      </div>
    </header>
  );
}
