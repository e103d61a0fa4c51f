"use client";

import { setNonce } from "get-nonce";

/**
 * Hands the page's Content-Security-Policy nonce to the one library that writes a <style>
 * element at run time (the dialog's scroll lock), so the policy needs no 'unsafe-inline' for styles.
 */
export function StyleNonce({ nonce }: { nonce: string | null }) {
  if (nonce) setNonce(nonce);
  return null;
}
