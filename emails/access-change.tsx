import { EmailLayout, Heading1, Paragraph, PrimaryButton, Small } from "./components/layout";

/**
 * A change to a partner's granular delegated access, told to the other side: a partner's amendment
 * (applied at once) or change request (to review), and the customer's answer or extension. The lines
 * are the diff as both portals show it ("+ Exchange administrator", "End date: May 30 → Aug 30").
 */
export interface AccessChangeEmailProps {
  /** The whole subject, which is also the heading ("Fabrikam asks for more access in Contoso"). */
  headline: string;
  /** Who did what, as one sentence. */
  summary: string;
  lines: string[];
  /** The partner's message or the customer's reason, when there is one. */
  note: { label: string; text: string } | null;
  action: { label: string; url: string };
  /** A closing remark (e.g. when a request expires). */
  footnote: string | null;
}

export const subject = (p: AccessChangeEmailProps) => p.headline;

export default function AccessChangeEmail(p: AccessChangeEmailProps) {
  return (
    <EmailLayout preview={p.headline}>
      <Heading1>{p.headline}</Heading1>
      <Paragraph>{p.summary}</Paragraph>
      {p.lines.length > 0 && (
        <ul>
          {p.lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {p.note && (
        <Paragraph>
          {p.note.label}: {p.note.text}
        </Paragraph>
      )}
      <PrimaryButton href={p.action.url}>{p.action.label}</PrimaryButton>
      {p.footnote && <Small>{p.footnote}</Small>}
    </EmailLayout>
  );
}

AccessChangeEmail.PreviewProps = {
  headline: "Fabrikam Partners asks for more access in Contoso",
  summary: "Patti Fernandez of Fabrikam Partners asks to change its granular delegated access to Contoso.",
  lines: ["+ Exchange administrator", "End date: May 30, 2027 → Aug 30, 2027"],
  note: { label: "Their message", text: "For the mailbox migration." },
  action: { label: "Review the change", url: "http://localhost:3000/admin/settings/partner-relationships/1#change-request" },
  footnote: "The request expires on Jan 1, 2027 if nobody answers it.",
} satisfies AccessChangeEmailProps;
