import { AreaShell } from "@/components/layout/area-shell";

const items = [
  { href: "/partner", label: "Overview" },
  { href: "/partner/requests", label: "Customer requests" },
  { href: "/partner/invitations", label: "Invitations" },
  { href: "/partner/customers", label: "Customers" },
];

export default function PartnerLayout({ children }: { children: React.ReactNode }) {
  return (
    <AreaShell kind="partner" title="Partner portal" navLabel="Partner portal" items={items}>
      {children}
    </AreaShell>
  );
}
