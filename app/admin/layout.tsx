import { AgreementBanner } from "@/components/layout/agreement-banner";
import { AreaShell } from "@/components/layout/area-shell";
import { getDb } from "@/db/client";
import { agreementReminder } from "@/lib/agreements/queries";
import { getActor } from "@/lib/authz";
import { areaMenu, type AreaMenuItem } from "@/lib/context";

const items: AreaMenuItem[] = [
  { href: "/admin", label: "Home", permission: "admin.view" },
  { href: "/admin/agreement", label: "Customer Agreement", permission: "relationships.view" },
  { href: "/admin/activity", label: "Activity", permission: "relationships.view" },
  { href: "/admin/settings/partner-relationships", label: "Partner relationships", group: "Settings", permission: "relationships.view" },
  { href: "/admin/settings/domains", label: "Domains", group: "Settings", permission: "domains.manage" },
  { href: "/admin/settings/users", label: "Users", group: "Settings", permission: "users.manage" },
];

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const actor = await getActor();
  const menu = areaMenu(actor, "admin.view", items);
  return (
    <AreaShell title="Admin center" navLabel="Admin center" menu={menu}>
      {menu && <AgreementBanner reminder={await agreementReminder(await getDb(), actor)} />}
      {children}
    </AreaShell>
  );
}
