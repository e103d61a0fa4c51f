import { AreaShell, type AreaShellItem } from "@/components/layout/area-shell";

const items: AreaShellItem[] = [
  { href: "/partner", label: "Overview", permission: "partner.view" },
  { href: "/partner/requests", label: "Customer requests", permission: "contact_requests.read" },
  { href: "/partner/invitations", label: "Invitations", permission: "invitations.manage" },
  { href: "/partner/customers", label: "Customers", permission: "partner.view" },
];

export default function PartnerLayout({ children }: { children: React.ReactNode }) {
  return (
    <AreaShell permission="partner.view" title="Partner portal" navLabel="Partner portal" items={items}>
      {children}
    </AreaShell>
  );
}
