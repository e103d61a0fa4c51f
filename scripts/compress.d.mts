import type { IncomingMessage, ServerResponse } from "node:http";

export const MIN_BYTES: number;
export const BUFFER_LIMIT: number;
export const HOLD_MS: number;
export const DYNAMIC_LEVEL: number;
export const IMMUTABLE_LEVEL: number;
export function acceptsGzip(header: string | string[] | undefined): boolean;
export function clearCompressionCache(): void;
export function compressResponses(req: IncomingMessage, res: ServerResponse): void;
