import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

const steps = [
  { title: "Find a partner", body: "Search certified service partners by location, organization size and the services you need, then contact several at once." },
  { title: "Accept agreement & authorize partner", body: "Your partner invites you. You see exactly which admin roles they ask for and for how long before you accept." },
  { title: "Review and remove", body: "Settings > Partner relationships shows every partner and what each can do today. Remove roles at any time." },
];

export default function HomePage() {
  return (
    <main className="mx-auto w-full max-w-6xl px-4 py-12">
      <section aria-labelledby="intro" className="max-w-3xl">
        <h1 id="intro" className="text-4xl font-semibold tracking-tight text-gray-900">
          Work with service partners on your terms
        </h1>
        <p className="mt-4 text-lg text-gray-700">
          Partnerships connects organizations with certified service partners. Partners ask for precisely scoped,
          time-bound admin roles; your administrators accept, review and remove them — every grant visible, every
          change recorded.
        </p>
        <div className="mt-8 flex flex-wrap gap-3">
          <Link href="/partners" className={buttonClasses({ variant: "primary", size: "md" })}>
            Find a partner
          </Link>
          <Link href="/signin" className={buttonClasses({ variant: "secondary", size: "md" })}>
            Sign in to your admin center
          </Link>
        </div>
      </section>
      <section aria-labelledby="how" className="mt-16">
        <h2 id="how" className="text-xl font-semibold text-gray-900">
          How it works
        </h2>
        <ol className="mt-6 grid gap-6 md:grid-cols-3">
          {steps.map((step, index) => (
            <li key={step.title} className="rounded-lg border border-gray-200 bg-white p-6">
              <p className="text-sm font-medium text-accent-700">Step {index + 1}</p>
              <h3 className="mt-1 text-base font-semibold text-gray-900">{step.title}</h3>
              <p className="mt-2 text-sm text-gray-700">{step.body}</p>
            </li>
          ))}
        </ol>
      </section>
    </main>
  );
}
