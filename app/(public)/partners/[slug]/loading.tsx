/** While a partner's profile loads (opened from the results): the page's outline, marked busy. */
export default function PartnerProfileLoading() {
  return (
    <main aria-busy="true" className="mx-auto w-full max-w-4xl px-4 py-6 md:py-8">
      <p className="sr-only" role="status">
        Loading partner profile…
      </p>
      <div aria-hidden="true" className="animate-pulse">
        <div className="h-4 w-28 rounded bg-gray-200" />
        <div className="mt-6 flex items-start gap-4">
          <div className="size-12 rounded-lg bg-gray-200" />
          <div className="flex-1 space-y-2">
            <div className="h-7 w-2/3 rounded bg-gray-200" />
            <div className="h-4 w-full max-w-md rounded bg-gray-200" />
          </div>
        </div>
        <div className="mt-8 grid gap-8 md:grid-cols-[2fr_1fr]">
          <div className="space-y-3">
            <div className="h-4 w-full rounded bg-gray-200" />
            <div className="h-4 w-11/12 rounded bg-gray-200" />
            <div className="h-4 w-4/5 rounded bg-gray-200" />
          </div>
          <div className="h-40 rounded-lg bg-gray-200" />
        </div>
      </div>
    </main>
  );
}
