import Link from "next/link";
import { signOutAction } from "@/lib/auth/actions";
import { Disclosure } from "./disclosure";

const navLink = "rounded px-2 py-1 text-sm font-medium whitespace-nowrap text-gray-700 hover:bg-gray-100 hover:text-gray-900";
const menuLink = "block rounded px-3 py-2 text-base font-medium text-gray-800 hover:bg-gray-100 hover:text-gray-900";

/** Who is signed in and which areas they may enter; the root layout reads it. */
export interface HeaderView {
  signedInAs: string | null;
  adminCenter: boolean;
  partnerPortal: boolean;
  /** The local mailbox in the navigation: development only (the root layout decides). */
  mailbox: boolean;
}

function navItems(view: HeaderView) {
  return [
    { href: "/partners", label: "Find a partner" },
    ...(view.partnerPortal ? [{ href: "/partner", label: "Partner portal" }] : []),
    ...(view.adminCenter ? [{ href: "/admin", label: "Admin center" }] : []),
    ...(view.mailbox ? [{ href: "/dev/mailbox", label: "Mailbox" }] : []),
  ];
}

function SignOut({ className }: { className?: string }) {
  return (
    <form action={signOutAction} className={className}>
      <button type="submit" className="rounded border border-gray-300 bg-white px-3 py-1.5 text-sm font-medium whitespace-nowrap text-gray-800 hover:bg-gray-50">
        Sign out
      </button>
    </form>
  );
}

function SignIn() {
  return (
    <Link href="/signin" className="rounded bg-accent-600 px-3 py-1.5 text-sm font-medium whitespace-nowrap text-white hover:bg-accent-700">
      Sign in
    </Link>
  );
}

/**
 * The site's header. From `md` up the navigation and the account sit in one row; below it they move
 * into a Menu disclosure (a <details>, so it works without JavaScript) and the row keeps only the
 * name, Sign in for a visitor, and the Menu button. Only one of the two copies is displayed at a
 * time, so assistive technology and keyboards meet one "Main" navigation.
 */
export function SiteHeader({ view }: { view: HeaderView }) {
  const items = navItems(view);
  return (
    <header className="relative border-b border-gray-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="flex shrink-0 items-center gap-2 rounded text-base font-semibold text-gray-900">
          <span aria-hidden="true" className="grid size-7 place-items-center rounded bg-accent-600 text-xs font-bold text-white">
            P
          </span>
          Partnerships
        </Link>
        <nav aria-label="Main" className="hidden flex-1 items-center gap-1 md:flex">
          {items.map((item) => (
            <Link key={item.href} className={navLink} href={item.href}>
              {item.label}
            </Link>
          ))}
        </nav>
        <div className="hidden items-center gap-3 text-sm md:flex">
          {view.signedInAs ? (
            <>
              <span className="text-gray-700">
                Signed in as <span className="font-medium text-gray-900">{view.signedInAs}</span>
              </span>
              <SignOut />
            </>
          ) : (
            <SignIn />
          )}
        </div>
        <div className="ml-auto flex items-center gap-2 md:hidden">
          {!view.signedInAs && <SignIn />}
          <Disclosure
            className="site-menu"
            summaryClassName="flex items-center gap-1.5 rounded border border-gray-300 px-3 py-1.5 text-sm font-medium text-gray-800 hover:bg-gray-50"
            summary={
              <>
                <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round">
                  <path d="M3 5h14M3 10h14M3 15h14" />
                </svg>
                Menu
              </>
            }
          >
            <div className="absolute inset-x-0 top-full z-40 border-b border-gray-200 bg-white px-4 pt-2 pb-4 shadow-lg">
              <nav aria-label="Main">
                <ul className="space-y-1">
                  {items.map((item) => (
                    <li key={item.href}>
                      <Link className={menuLink} href={item.href}>
                        {item.label}
                      </Link>
                    </li>
                  ))}
                </ul>
              </nav>
              {view.signedInAs && (
                <div className="mt-3 flex flex-wrap items-center justify-between gap-3 border-t border-gray-200 px-3 pt-3 text-sm">
                  <span className="min-w-0 text-gray-700">
                    Signed in as <span className="font-medium break-words text-gray-900">{view.signedInAs}</span>
                  </span>
                  <SignOut />
                </div>
              )}
            </div>
          </Disclosure>
        </div>
      </div>
    </header>
  );
}
