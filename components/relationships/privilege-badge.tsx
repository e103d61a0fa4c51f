import { Badge } from "@/components/ui/badge";
import type { PrivilegeLevel } from "@/lib/roles";

const LEVELS = { high: ["Highly privileged", "warning"], standard: ["Standard", "neutral"], read: ["Read only", "success"] } as const;

export function PrivilegeBadge({ level }: { level: PrivilegeLevel }) {
  return <Badge tone={LEVELS[level][1]}>{LEVELS[level][0]}</Badge>;
}
