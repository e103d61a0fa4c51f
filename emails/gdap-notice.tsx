import { EmailLayout, Heading1, Paragraph, PrimaryButton, Small } from "./components/layout";

export interface GdapNoticeEmailProps {
  audience: "partner" | "customer";
  kind: "30" | "7" | "1" | "expired" | "extended" | "terminated";
  partnerName: string;
  customerName: string;
  roles: string[];
  endsOn: string;
  url: string;
  /** Who ended it (kind "terminated"). */
  endedBy?: string;
}

const headline = (p: GdapNoticeEmailProps) => {
  const who = p.audience === "partner" ? `Your access to ${p.customerName}` : `${p.partnerName}'s access to ${p.customerName}`;
  if (p.kind === "expired") return `${who} has ended`;
  if (p.kind === "terminated") return p.audience === "partner" ? `Your granular delegated admin access to ${p.customerName} was ended` : `${p.partnerName} ended its granular delegated admin access to ${p.customerName}`;
  if (p.kind === "extended") return `${who} was extended to ${p.endsOn}`;
  return `${who} ends in ${p.kind} ${p.kind === "1" ? "day" : "days"}`;
};

export const subject = headline;

/** The 30/7/1-day notices carry the action that keeps the access: Extend (customer), Request renewal (partner). */
const renewable = (p: GdapNoticeEmailProps) => p.kind === "30" || p.kind === "7" || p.kind === "1";

export default function GdapNoticeEmail(p: GdapNoticeEmailProps) {
  return (
    <EmailLayout preview={headline(p)}>
      <Heading1>{headline(p)}</Heading1>
      <Paragraph>
        Granular delegated admin roles: {p.roles.join(", ") || "none"}. {p.kind === "terminated"
          ? `${p.endedBy ?? p.partnerName} ended them on ${p.endsOn}; they no longer work.`
          : p.kind === "expired"
            ? `They ended on ${p.endsOn}.`
            : `They end on ${p.endsOn}.`}
      </Paragraph>
      {p.kind !== "expired" && p.kind !== "extended" && p.kind !== "terminated" && (
        <Paragraph>
          {p.audience === "partner"
            ? "To keep working with these roles, request a renewal: the customer approves it, with the same roles, for up to 2 years."
            : "Nothing is needed if you want the access to end. To keep it, extend it, with the same roles, for up to 2 years."}
        </Paragraph>
      )}
      <PrimaryButton href={p.url}>{renewable(p) ? (p.audience === "partner" ? "Request renewal" : "Extend") : p.audience === "partner" ? "Open the customer" : "Review the partner's access"}</PrimaryButton>
      {p.kind === "terminated" ? (
        <Small>Other relationship types with {p.audience === "partner" ? p.customerName : p.partnerName} stay as they are.</Small>
      ) : (
        <Small>Time-bound access ends on its own; nobody has to remove it.</Small>
      )}
    </EmailLayout>
  );
}

GdapNoticeEmail.PreviewProps = {
  audience: "customer",
  kind: "7",
  partnerName: "Fabrikam Partners",
  customerName: "Contoso",
  roles: ["Helpdesk administrator", "License administrator"],
  endsOn: "December 4, 2026",
  url: "http://localhost:3000/admin/settings/partner-relationships",
} satisfies GdapNoticeEmailProps;
