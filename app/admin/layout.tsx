import { AgreementBanner } from "@/components/layout/agreement-banner";
import { AreaShell } from "@/components/layout/area-shell";

const items = [
  { href: "/admin", label: "Home" },
  { href: "/admin/agreement", label: "Customer Agreement" },
  { href: "/admin/settings/partner-relationships", label: "Partner relationships", group: "Settings" },
  { href: "/admin/settings/domains", label: "Domains", group: "Settings" },
];

export default function AdminLayout({ children }: { children: React.ReactNode }) {
  return (
    <AreaShell kind="customer" title="Admin center" navLabel="Admin center" items={items}>
      <AgreementBanner />
      {children}
    </AreaShell>
  );
}
