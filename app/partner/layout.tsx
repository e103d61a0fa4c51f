import { AreaShell } from "@/components/layout/area-shell";
import { getActor } from "@/lib/authz";
import { areaMenu, type AreaMenuItem } from "@/lib/context";

const items: AreaMenuItem[] = [
  { href: "/partner", label: "Overview", permission: "partner.view" },
  { href: "/partner/requests", label: "Customer requests", permission: "contact_requests.read" },
  { href: "/partner/invitations", label: "Invitations", permission: "invitations.manage" },
  { href: "/partner/customers", label: "Customers", permission: "partner.view" },
  { href: "/partner/templates", label: "Role templates", permission: "invitations.send_admin_roles" },
  { href: "/partner/team", label: "Team", permission: "team.manage" },
  { href: "/partner/activity", label: "Activity", permission: "partner.view" },
];

export default async function PartnerLayout({ children }: { children: React.ReactNode }) {
  return (
    <AreaShell title="Partner portal" navLabel="Partner portal" menu={areaMenu(await getActor(), "partner.view", items)}>
      {children}
    </AreaShell>
  );
}
