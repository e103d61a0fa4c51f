import { AgreementBanner } from "@/components/layout/agreement-banner";
import { AreaShell, type AreaShellItem } from "@/components/layout/area-shell";

const items: AreaShellItem[] = [
  { href: "/admin", label: "Home", permission: "admin.view" },
  { href: "/admin/agreement", label: "Customer Agreement", permission: "relationships.view" },
  { href: "/admin/settings/partner-relationships", label: "Partner relationships", group: "Settings", permission: "relationships.view" },
  { href: "/admin/settings/domains", label: "Domains", group: "Settings", permission: "domains.manage" },
];

export default function AdminLayout({ children }: { children: React.ReactNode }) {
  return (
    <AreaShell permission="admin.view" title="Admin center" navLabel="Admin center" items={items}>
      <AgreementBanner />
      {children}
    </AreaShell>
  );
}
