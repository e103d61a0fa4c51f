import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

/** One version of a relationship's granular delegated access, formatted by the page. */
export interface AccessVersionRow {
  id: string;
  version: number;
  at: string;
  cause: string;
  roles: string;
  endsOn: string;
  autoExtend: string;
}

/** One change request, formatted by the page. */
export interface ChangeRequestRow {
  id: string;
  at: string;
  kind: string;
  status: { label: string; tone: BadgeTone };
  lines: string[];
  answer: string | null;
}

/** Every version of the access and every change request: the relationship's history, on both sides. */
export function AccessHistory({ versions, requests, caption }: { versions: AccessVersionRow[]; requests: ChangeRequestRow[]; caption: string }) {
  return (
    <div className="space-y-4">
      {requests.length > 0 && (
        <div>
          <h3 className="text-base font-semibold text-gray-900">Change requests</h3>
          <ul className="mt-2 space-y-2 text-sm">
            {requests.map((request) => (
              <li key={request.id} className="rounded-md border border-gray-200 bg-white p-3">
                <span className="text-gray-700">
                  {request.at} · {request.kind}
                </span>{" "}
                <Badge tone={request.status.tone}>{request.status.label}</Badge>
                <ul className="mt-1 text-gray-900">
                  {request.lines.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
                {request.answer && <p className="mt-1 text-gray-700">{request.answer}</p>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {versions.length > 0 && (
        <Table>
          <TableCaption className="text-left text-sm text-gray-700">{caption}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead>Version</TableHead>
              <TableHead>When</TableHead>
              <TableHead>What changed it</TableHead>
              <TableHead>Roles</TableHead>
              <TableHead>Ends</TableHead>
              <TableHead>Auto-extend</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {versions.map((v) => (
              <TableRow key={v.id}>
                <TableCell>{v.version}</TableCell>
                <TableCell>{v.at}</TableCell>
                <TableCell>{v.cause}</TableCell>
                <TableCell>{v.roles}</TableCell>
                <TableCell>{v.endsOn}</TableCell>
                <TableCell>{v.autoExtend}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
