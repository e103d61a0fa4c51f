import { AreaNav, type AreaNavItem } from "./area-nav";

/**
 * An area (Admin center, Partner portal) with its menu, for those who may enter it; the menu lists
 * only the pages they may open (the layout decides, lib/context.ts areaMenu). Anyone else sees the
 * page alone (it tells them they have no access, or sends them to sign in): a menu of pages they
 * cannot open would only mislead.
 */
export function AreaShell({ title, navLabel, menu, children }: { title: string; navLabel: string; menu: AreaNavItem[] | null; children: React.ReactNode }) {
  if (!menu) {
    return <div className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">{children}</div>;
  }
  return (
    <div className="mx-auto grid w-full max-w-6xl flex-1 content-start gap-6 px-4 py-4 md:grid-cols-[14rem_1fr] md:gap-8 md:py-8">
      <aside>
        <AreaNav title={title} label={navLabel} items={menu} />
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
