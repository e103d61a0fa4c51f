import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto w-full max-w-xl px-4 py-20 text-center">
      <p className="text-sm font-semibold text-accent-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold text-gray-900">We can't find that page</h1>
      <p className="mt-3 text-gray-700">The address may be mistyped, or the page may have moved.</p>
      <p className="mt-6 flex justify-center gap-4">
        <Link className="font-medium text-accent-700 underline" href="/">
          Go to the home page
        </Link>
        <Link className="font-medium text-accent-700 underline" href="/partners">
          Find a partner
        </Link>
      </p>
    </main>
  );
}
