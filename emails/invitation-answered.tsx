import { EmailLayout, Heading1, Paragraph, PrimaryButton, Small } from "./components/layout";
import { withArticle } from "./components/text";

export interface InvitationAnsweredEmailProps {
  /** "declined" is the customer's Cancel invitation: the email says canceled, as every screen does. */
  outcome: "accepted" | "declined";
  customerName: string;
  answeredBy: string;
  typeName: string;
  roles: string[];
  endsOn: string | null;
  reason: string | null;
  agreementAccepted: boolean;
  /** What the customer changed of the request ("Not granted: …", "End date: … → …"); empty when approved as asked. */
  changes?: string[];
  url: string;
}

export const subject = (p: InvitationAnsweredEmailProps) =>
  p.outcome === "declined"
    ? `${p.customerName} canceled your ${p.typeName} invitation`
    : p.changes?.length
      ? `${p.customerName} approved your ${p.typeName} invitation with changes`
      : `${p.customerName} accepted your ${p.typeName} invitation`;

export default function InvitationAnsweredEmail(p: InvitationAnsweredEmailProps) {
  return (
    <EmailLayout preview={subject(p)}>
      <Heading1>{subject(p)}</Heading1>
      {p.outcome === "accepted" ? (
        <>
          <Paragraph>
            {p.answeredBy} {p.changes?.length ? "approved the relationship with changes" : "accepted the relationship"} for {p.customerName}.{" "}
            {p.roles.length > 0 ? `Granted: ${p.roles.join(", ")}${p.endsOn ? `, until ${p.endsOn}` : ""}.` : "It grants no admin roles."}
          </Paragraph>
          {p.changes && p.changes.length > 0 && (
            <>
              <Paragraph>What they changed of your request:</Paragraph>
              <ul>
                {p.changes.map((change) => (
                  <li key={change}>{change}</li>
                ))}
              </ul>
              <Small>To ask for more later, propose a change to the relationship from its page in the partner portal.</Small>
            </>
          )}
          {!p.agreementAccepted && <Small>The customer has not accepted the current Customer Agreement yet; purchases on their behalf wait until they do.</Small>}
        </>
      ) : (
        <>
          <Paragraph>
            {p.answeredBy} canceled your invitation to {withArticle(p.typeName)} relationship. Nothing was granted.
          </Paragraph>
          {p.reason && <Paragraph>Their reason: {p.reason}</Paragraph>}
        </>
      )}
      <PrimaryButton href={p.url}>Open the partner portal</PrimaryButton>
    </EmailLayout>
  );
}

InvitationAnsweredEmail.PreviewProps = {
  outcome: "accepted",
  customerName: "Contoso",
  answeredBy: "Megan Bowen",
  typeName: "Granular delegated administrator",
  roles: ["Helpdesk administrator", "License administrator"],
  endsOn: "May 26, 2027",
  reason: null,
  agreementAccepted: true,
  changes: ["Not granted: Exchange administrator", "End date: Aug 30, 2027 → May 30, 2027"],
  url: "http://localhost:3000/partner/customers",
} satisfies InvitationAnsweredEmailProps;
