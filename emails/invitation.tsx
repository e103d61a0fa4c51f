import { EmailLayout, Heading1, Paragraph, PrimaryButton, Small } from "./components/layout";
import { article, withArticle } from "./components/text";

export interface InvitationEmailProps {
  partnerName: string;
  partnerDomain: string | null;
  typeName: string;
  typeDescription: string;
  roles: { name: string; description: string; highlyPrivileged: boolean }[];
  duration: string | null;
  autoExtend: boolean;
  message: string | null;
  reviewUrl: string;
  expiresOn: string;
  reminder: boolean;
}

export const subject = (p: InvitationEmailProps) =>
  `${p.reminder ? "Reminder: " : ""}${p.partnerName} invites you to ${withArticle(p.typeName)} relationship`;

export default function InvitationEmail(p: InvitationEmailProps) {
  return (
    <EmailLayout preview={`${p.partnerName} asks to work with your organization as ${withArticle(p.typeName)}`}>
      <Heading1>
        {p.partnerName} invites you to a partner relationship
      </Heading1>
      <Paragraph>
        {p.partnerName}
        {p.partnerDomain ? ` (${p.partnerDomain})` : ""} asks to work with your organization as {article(p.typeName)} <strong>{p.typeName}</strong>:{" "}
        {p.typeDescription}
      </Paragraph>
      {p.roles.length > 0 ? (
        <>
          <Paragraph>
            <strong>Admin roles requested{p.duration ? `, for ${p.duration}` : ""}:</strong>
          </Paragraph>
          <ul>
            {p.roles.map((role) => (
              <li key={role.name} style={{ fontSize: 15, lineHeight: "22px", marginBottom: 4 }}>
                {role.name}
                {role.highlyPrivileged ? " (highly privileged)" : ""} — {role.description}
              </li>
            ))}
          </ul>
          {p.duration && (
            <Small>
              {p.autoExtend ? "The access extends itself by 180 days at the end unless you turn that off." : "The access ends automatically at the end of this period."}
            </Small>
          )}
        </>
      ) : (
        <Paragraph>This relationship grants no admin roles in your organization.</Paragraph>
      )}
      {p.message && (
        <Paragraph>
          <strong>Message from {p.partnerName}:</strong> {p.message}
        </Paragraph>
      )}
      <PrimaryButton href={p.reviewUrl}>Review the request</PrimaryButton>
      <Small>
        Accepting means a Global or Billing administrator of your organization accepts the Customer Agreement and authorizes{" "}
        {p.partnerName} with exactly what is listed above. You can remove the roles at any time under Settings &gt; Partner relationships.
      </Small>
      <Small>If you don&apos;t want to work with {p.partnerName} this way, open the request and select Cancel invitation. Nothing is granted unless an administrator accepts.</Small>
      <Small>This invitation expires on {p.expiresOn}.</Small>
    </EmailLayout>
  );
}

InvitationEmail.PreviewProps = {
  partnerName: "Fabrikam Partners",
  partnerDomain: "fabrikam.example",
  typeName: "Granular delegated administrator",
  typeDescription: "Manages products and services with only the least-permissive, time-bound roles you approve.",
  roles: [
    { name: "Helpdesk administrator", description: "Resets passwords for non-administrators and manages service requests.", highlyPrivileged: false },
    { name: "License administrator", description: "Assigns, removes and updates license assignments.", highlyPrivileged: false },
  ],
  duration: "180 days",
  autoExtend: false,
  message: "As discussed on our call, this covers the mailbox migration and license clean-up.",
  reviewUrl: "http://localhost:3000/admin/invitations/preview-token",
  expiresOn: "February 25, 2027",
  reminder: false,
} satisfies InvitationEmailProps;
