"use client";

import { ErrorPanel } from "@/components/errors/error-panel";

/** An unexpected error while rendering a page: a short message, never a stack trace (see ErrorPanel). */
export default function Error({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorPanel error={error} retry={retry} />;
}
