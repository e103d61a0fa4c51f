import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { currentAgreement } from "@/lib/agreements/queries";

export const metadata: Metadata = { title: "Customer Agreement" };

export default async function CustomerAgreementPage() {
  const agreement = await currentAgreement(await getDb());
  if (!agreement) notFound();
  return (
    <main className="mx-auto w-full max-w-3xl px-4 py-10">
      <h1 className="text-3xl font-semibold text-gray-900">{agreement.title}</h1>
      <p className="mt-2 text-sm text-gray-600">
        Version {agreement.version}, published {agreement.publishedAt.toLocaleDateString("en-US", { dateStyle: "long" })}
      </p>
      <div className="mt-8 space-y-4 whitespace-pre-line leading-relaxed text-gray-800">{agreement.body}</div>
    </main>
  );
}
