import { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { withSafeCallbackUrls } from "@/lib/auth/callback-urls";

// Auth.js answers 500 to a callback URL it cannot use (a `javascript:` link, a bare "\\"); every
// callback URL, in the query or in Auth.js's cookie, goes through the one return-path rule first.
export const GET = (request: NextRequest) => handlers.GET(withSafeCallbackUrls(request));
export const POST = (request: NextRequest) => handlers.POST(withSafeCallbackUrls(request));
