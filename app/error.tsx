"use client";

import { useEffect } from "react";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main className="mx-auto w-full max-w-xl px-4 py-20 text-center">
      <h1 className="text-2xl font-semibold text-gray-900">Something went wrong</h1>
      <p className="mt-3 text-gray-700">
        We couldn't finish loading this page. Nothing you submitted was half-saved: try again, and if it keeps happening,
        quote reference <span className="font-mono">{error.digest ?? "unknown"}</span> to support.
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded-md bg-accent-600 px-4 py-2 font-medium text-white hover:bg-accent-700"
      >
        Try again
      </button>
    </main>
  );
}
