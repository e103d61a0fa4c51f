/** What a removal ends, as the confirmation (dialog or page) says it before Yes. */
export interface RemovalSummaryView {
  removing: { role: string; type: string; until: string | null }[];
  ends: string[];
  stays: string;
}

export function RemovalSummaryText({ partnerName, summary }: { partnerName: string; summary: RemovalSummaryView }) {
  return (
    <div className="space-y-3 text-sm text-gray-800" data-testid="removal-summary">
      <p>
        {partnerName} loses {summary.removing.length === 1 ? "this admin role" : "these admin roles"} at once:
      </p>
      <ul className="list-disc space-y-1 pl-5">
        {summary.removing.map((r) => (
          <li key={`${r.role}/${r.type}`}>
            <span className="font-medium text-gray-900">{r.role}</span>
            <span className="text-gray-700">
              {" "}
              — granted by {r.type}
              {r.until ? `, until ${r.until}` : ", with no end date"}
            </span>
          </li>
        ))}
      </ul>
      {summary.ends.map((line) => (
        <p key={line}>{line}</p>
      ))}
      <p className="font-medium text-gray-900">{summary.stays}</p>
    </div>
  );
}
