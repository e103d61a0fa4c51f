import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { getContactConfirmation } from "@/lib/contact-requests/queries";
import { readPathParams } from "@/lib/page-params";

export const metadata: Metadata = { title: "Request sent" };

export default async function ContactSentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await readPathParams(params);
  const request = await getContactConfirmation(await getDb(), id);
  if (!request) notFound();
  return (
    <main className="mx-auto w-full max-w-3xl px-4 py-10">
      <div role="status">
        <h1 className="text-3xl font-semibold tracking-tight text-gray-900">Your request was sent</h1>
        <p className="mt-2 text-gray-700">
          We sent your business needs to {request.partners.length === 1 ? "this partner" : `these ${request.partners.length} partners`} and a
          confirmation to {request.email}.
        </p>
      </div>
      <ul className="mt-6 divide-y divide-gray-200 rounded-lg border border-gray-200 bg-white">
        {request.partners.map((partner) => (
          <li key={partner.slug} className="p-4">
            <Link className="font-medium text-accent-700 underline" href={`/partners/${partner.slug}`}>
              {partner.name}
            </Link>
          </li>
        ))}
      </ul>
      <section aria-labelledby="next" className="mt-8">
        <h2 id="next" className="text-lg font-semibold text-gray-900">
          What happens next
        </h2>
        <ol className="mt-3 list-decimal space-y-2 pl-5 text-gray-700">
          <li>Each partner contacts you, usually within two business days, to learn more about your needs.</li>
          <li>If you decide to work with one, they send your administrators an email invitation to establish a partner relationship.</li>
          <li>
            A Global or Billing administrator reviews exactly what the partner asks for and accepts it in the admin center — nothing is
            granted before that.
          </li>
        </ol>
      </section>
      <p className="mt-8">
        <Link className="font-medium text-accent-700 underline" href="/partners">
          Back to Find a partner
        </Link>
      </p>
    </main>
  );
}
