import { EmailLayout, Heading1, Paragraph, PrimaryButton, Small } from "./components/layout";

export interface ContactRequestPartnerEmailProps {
  partnerName: string;
  customerName: string;
  customerEmail: string;
  company: string;
  phone: string | null;
  country: string;
  size: string;
  needs: string;
  inboxUrl: string;
}

export const subject = (p: ContactRequestPartnerEmailProps) => `New customer request from ${p.company}`;

export default function ContactRequestPartnerEmail(p: ContactRequestPartnerEmailProps) {
  return (
    <EmailLayout preview={`${p.customerName} at ${p.company} found ${p.partnerName} in Find a partner`}>
      <Heading1>A customer would like to work with you</Heading1>
      <Paragraph>
        {p.customerName} at {p.company} ({p.size}, {p.country}) found {p.partnerName} in Find a partner and asked to be contacted.
      </Paragraph>
      <Paragraph>
        <strong>Their business needs:</strong>
      </Paragraph>
      <Paragraph>{p.needs}</Paragraph>
      <Small>
        Reply to {p.customerEmail}
        {p.phone ? ` or call ${p.phone}` : ""}. Other partners may have received the same request.
      </Small>
      <PrimaryButton href={p.inboxUrl}>Open the request</PrimaryButton>
    </EmailLayout>
  );
}

ContactRequestPartnerEmail.PreviewProps = {
  partnerName: "Fabrikam Partners",
  customerName: "Megan Bowen",
  customerEmail: "megan@contoso.example",
  company: "Contoso",
  phone: "+1 425 555 0100",
  country: "United States",
  size: "1,000–9,999 employees",
  needs: "We are moving 1,200 mailboxes and want help securing identities and devices along the way.",
  inboxUrl: "http://localhost:3000/partner/requests",
} satisfies ContactRequestPartnerEmailProps;
