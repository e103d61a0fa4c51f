import { getActor, hasPermission, PERMISSIONS, primaryMembership, type Permission } from "@/lib/authz";
import { AreaNav, type AreaNavItem } from "./area-nav";

export interface AreaShellItem extends AreaNavItem {
  /** Shown only to those who may open it. */
  permission: Permission;
}

/**
 * An area (Admin center, Partner portal) with its menu, for those who may enter it; the menu lists
 * only the pages they may open. Anyone else sees the page alone (it tells them they have no
 * access, or sends them to sign in): a menu of pages they cannot open would only mislead.
 */
export async function AreaShell({
  permission,
  title,
  navLabel,
  items,
  children,
}: {
  /** What entering the area takes. */
  permission: Permission;
  title: string;
  navLabel: string;
  items: AreaShellItem[];
  children: React.ReactNode;
}) {
  const actor = await getActor();
  const membership = primaryMembership(actor, PERMISSIONS[permission].kind);
  if (!membership || !hasPermission(actor, permission, membership.organizationId)) {
    return <div className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">{children}</div>;
  }
  const visible = items.filter((item) => hasPermission(actor, item.permission, membership.organizationId)).map(({ href, label, group }) => ({ href, label, group }));
  return (
    <div className="mx-auto grid w-full max-w-6xl flex-1 gap-8 px-4 py-8 md:grid-cols-[14rem_1fr]">
      <aside>
        <p className="mb-3 px-3 text-sm font-semibold text-gray-900">{title}</p>
        <AreaNav label={navLabel} items={visible} />
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
