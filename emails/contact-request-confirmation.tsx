import { EmailLayout, Heading1, Paragraph, Small } from "./components/layout";

export interface ContactRequestConfirmationEmailProps {
  customerName: string;
  partners: { name: string; website: string | null }[];
  needs: string;
}

export const subject = (p: ContactRequestConfirmationEmailProps) =>
  `We sent your request to ${p.partners.length} ${p.partners.length === 1 ? "partner" : "partners"}`;

export default function ContactRequestConfirmationEmail(p: ContactRequestConfirmationEmailProps) {
  return (
    <EmailLayout preview="Your request is on its way to the partners you chose">
      <Heading1>Your request is on its way</Heading1>
      <Paragraph>Hello {p.customerName}, we sent your request to:</Paragraph>
      <ul>
        {p.partners.map((partner) => (
          <li key={partner.name} style={{ fontSize: 15, lineHeight: "22px" }}>
            {partner.name}
            {partner.website ? ` — ${partner.website}` : ""}
          </li>
        ))}
      </ul>
      <Paragraph>
        Each partner will contact you to learn more. If you decide to work with one, they will send your administrators an email
        invitation to establish a partner relationship, which a Global or Billing administrator accepts in the admin center.
      </Paragraph>
      <Small>What you told them: {p.needs}</Small>
    </EmailLayout>
  );
}

ContactRequestConfirmationEmail.PreviewProps = {
  customerName: "Megan Bowen",
  partners: [
    { name: "Fabrikam Partners", website: "https://www.fabrikam.example" },
    { name: "Adatum Consulting", website: "https://www.adatum.example" },
  ],
  needs: "We are moving 1,200 mailboxes and want help securing identities and devices along the way.",
} satisfies ContactRequestConfirmationEmailProps;
