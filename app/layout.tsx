import type { Metadata } from "next";
import { headers } from "next/headers";
import { SiteHeader } from "@/components/layout/site-header";
import { getActor } from "@/lib/authz";
import { headerView } from "@/lib/context";
import { mailboxEnabled } from "@/lib/email/config";
import { SITE_DESCRIPTION, SITE_NAME } from "@/lib/site";
import { StyleNonce } from "@/components/layout/style-nonce";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: SITE_NAME, template: `%s · ${SITE_NAME}` },
  description: SITE_DESCRIPTION,
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const nonce = (await headers()).get("x-nonce");
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col font-sans">
        <StyleNonce nonce={nonce} />
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow"
        >
          Skip to content
        </a>
        {/* The mailbox stays reachable at /dev/mailbox whenever it is on (the browser tests read it in a production build), but only development lists it in the navigation. */}
        <SiteHeader view={headerView(await getActor(), mailboxEnabled() && process.env.NODE_ENV !== "production")} />
        <div id="main" className="flex flex-1 flex-col">
          {children}
        </div>
        <footer className="border-t border-gray-200 bg-white py-6 text-sm text-gray-600">
          <div className="mx-auto flex max-w-6xl flex-wrap gap-x-6 gap-y-2 px-4">
            <span>Partnerships</span>
            <a className="underline-offset-2 hover:underline" href="/legal/customer-agreement">
              Customer Agreement
            </a>
          </div>
        </footer>
      </body>
    </html>
  );
}
