import { z } from "zod";
import { safeText } from "@/lib/text";

/** A token request, from the customer page's form and from POST /api/tokens alike: one customer, and why. */
export const tokenRequestSchema = z.object({
  relationshipId: z.string().max(100),
  reason: safeText(z.string().trim().min(1, "Say why you need access.").max(200, "Keep the reason under 200 characters."), "the reason"),
});
