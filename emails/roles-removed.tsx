import { EmailLayout, Heading1, Paragraph, PrimaryButton, Small } from "./components/layout";

export interface RolesRemovedEmailProps {
  audience: "partner" | "customer";
  partnerName: string;
  customerName: string;
  removedBy: string;
  roles: string[];
  remainingTypes: string[];
  url: string;
}

export const subject = (p: RolesRemovedEmailProps) =>
  p.audience === "partner" ? `${p.customerName} removed your admin roles` : `Admin roles removed from ${p.partnerName}`;

export default function RolesRemovedEmail(p: RolesRemovedEmailProps) {
  return (
    <EmailLayout preview={subject(p)}>
      <Heading1>{subject(p)}</Heading1>
      <Paragraph>
        {p.removedBy} removed {p.roles.length === 1 ? "this admin role" : "these admin roles"} from {p.partnerName} in {p.customerName}:{" "}
        {p.roles.join(", ")}.
      </Paragraph>
      <Paragraph>
        {p.remainingTypes.length > 0
          ? `The relationship itself stays: ${p.partnerName} remains ${p.remainingTypes.join(", ")}.`
          : `The relationship itself stays; it no longer includes admin access.`}
      </Paragraph>
      <PrimaryButton href={p.url}>{p.audience === "partner" ? "Open your customers" : "Review partner relationships"}</PrimaryButton>
      <Small>Removing roles takes effect at once. Ending the whole relationship is done by the partner.</Small>
    </EmailLayout>
  );
}

RolesRemovedEmail.PreviewProps = {
  audience: "partner",
  partnerName: "Fabrikam Partners",
  customerName: "Contoso",
  removedBy: "Megan Bowen",
  roles: ["Global administrator", "Helpdesk administrator"],
  remainingTypes: ["Reseller"],
  url: "http://localhost:3000/partner/customers",
} satisfies RolesRemovedEmailProps;
