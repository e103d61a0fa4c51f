import { EmailLayout, Heading1, Paragraph, PrimaryButton, Small } from "./components/layout";
import { listOf } from "./components/text";

export interface RolesRemovedEmailProps {
  audience: "partner" | "customer";
  partnerName: string;
  customerName: string;
  removedBy: string;
  /** Each removed grant: the role and the relationship type that granted it. */
  roles: { role: string; type: string }[];
  /** Relationship types that ended with their last role. */
  endedTypes: string[];
  /** The types in force afterwards. */
  remainingTypes: string[];
  /** No type is left: the relationship ended. */
  relationshipEnded: boolean;
  url: string;
}

export const subject = (p: RolesRemovedEmailProps) =>
  p.audience === "partner" ? `${p.customerName} removed your admin roles` : `Admin roles removed from ${p.partnerName}`;

export default function RolesRemovedEmail(p: RolesRemovedEmailProps) {
  return (
    <EmailLayout preview={subject(p)}>
      <Heading1>{subject(p)}</Heading1>
      <Paragraph>
        {p.removedBy} removed {p.roles.length === 1 ? "this admin role" : "these admin roles"} from {p.partnerName} in {p.customerName}:
      </Paragraph>
      <ul>
        {p.roles.map((r) => (
          <li key={`${r.role}/${r.type}`} style={{ fontSize: 15, lineHeight: "22px" }}>
            {r.role} (granted by {r.type})
          </li>
        ))}
      </ul>
      {p.endedTypes.length > 0 && (
        <Paragraph>
          {p.endedTypes.length === 1 ? `The ${p.endedTypes[0]} relationship ended` : `The ${listOf(p.endedTypes)} relationships ended`}: no role of{" "}
          {p.endedTypes.length === 1 ? "it" : "theirs"} is left.
        </Paragraph>
      )}
      <Paragraph>
        {p.relationshipEnded
          ? `The relationship between ${p.partnerName} and ${p.customerName} has ended: no relationship type is left. Working together again takes a new invitation.`
          : `The relationship stays: ${p.partnerName} remains ${p.audience === "partner" ? `${p.customerName}'s` : "your"} ${listOf(p.remainingTypes)}.`}
      </Paragraph>
      <PrimaryButton href={p.url}>{p.audience === "partner" ? "Open your customers" : "Review partner relationships"}</PrimaryButton>
      <Small>Removing roles takes effect at once.</Small>
    </EmailLayout>
  );
}

RolesRemovedEmail.PreviewProps = {
  audience: "partner",
  partnerName: "Fabrikam Partners",
  customerName: "Contoso",
  removedBy: "Megan Bowen",
  roles: [
    { role: "Global administrator", type: "Delegated administrator" },
    { role: "Helpdesk administrator", type: "Delegated administrator" },
  ],
  endedTypes: ["Delegated administrator"],
  remainingTypes: ["Reseller"],
  relationshipEnded: false,
  url: "http://localhost:3000/partner/customers",
} satisfies RolesRemovedEmailProps;
