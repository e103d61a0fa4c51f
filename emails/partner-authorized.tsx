import { EmailLayout, Heading1, Paragraph, PrimaryButton, Small } from "./components/layout";
import { withArticle } from "./components/text";

export interface PartnerAuthorizedEmailProps {
  partnerName: string;
  organizationName: string;
  authorizedBy: string;
  typeName: string;
  roles: { name: string; highlyPrivileged: boolean }[];
  endsOn: string | null;
  url: string;
}

export const subject = (p: PartnerAuthorizedEmailProps) =>
  p.roles.length > 0 ? `${p.partnerName} now has admin roles in ${p.organizationName}` : `${p.organizationName} now works with ${p.partnerName}`;

/** Sent to every Global administrator whenever a partner is authorized: nobody gains access unnoticed. */
export default function PartnerAuthorizedEmail(p: PartnerAuthorizedEmailProps) {
  return (
    <EmailLayout preview={subject(p)}>
      <Heading1>{subject(p)}</Heading1>
      <Paragraph>
        {p.authorizedBy} accepted {p.partnerName}'s invitation to {withArticle(p.typeName)} relationship.
      </Paragraph>
      {p.roles.length > 0 && (
        <>
          <Paragraph>
            <strong>Roles granted{p.endsOn ? ` until ${p.endsOn}` : ""}:</strong>
          </Paragraph>
          <ul>
            {p.roles.map((r) => (
              <li key={r.name} style={{ fontSize: 15, lineHeight: "22px" }}>
                {r.name}
                {r.highlyPrivileged ? " (highly privileged)" : ""}
              </li>
            ))}
          </ul>
        </>
      )}
      <PrimaryButton href={p.url}>Review partner relationships</PrimaryButton>
      <Small>If this was not expected, remove the partner's roles from Settings &gt; Partner relationships.</Small>
    </EmailLayout>
  );
}

PartnerAuthorizedEmail.PreviewProps = {
  partnerName: "Fabrikam Partners",
  organizationName: "Contoso",
  authorizedBy: "Alex Wilber",
  typeName: "Granular delegated administrator",
  roles: [
    { name: "Helpdesk administrator", highlyPrivileged: false },
    { name: "Exchange administrator", highlyPrivileged: true },
  ],
  endsOn: "May 26, 2027",
  url: "http://localhost:3000/admin/settings/partner-relationships",
} satisfies PartnerAuthorizedEmailProps;
