import { AreaNav, type AreaNavItem } from "./area-nav";

export function AreaShell({ title, navLabel, items, children }: { title: string; navLabel: string; items: AreaNavItem[]; children: React.ReactNode }) {
  return (
    <div className="mx-auto grid w-full max-w-6xl flex-1 gap-8 px-4 py-8 md:grid-cols-[14rem_1fr]">
      <aside>
        <p className="mb-3 px-3 text-sm font-semibold text-gray-900">{title}</p>
        <AreaNav label={navLabel} items={items} />
      </aside>
      <div className="min-w-0">{children}</div>
    </div>
  );
}

export function NoAccess({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main className="max-w-xl">
      <h1 className="text-2xl font-semibold text-gray-900">{title}</h1>
      <div className="mt-3 space-y-3 text-gray-700">{children}</div>
    </main>
  );
}
