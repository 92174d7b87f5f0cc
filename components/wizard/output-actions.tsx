"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import type { OutputFile } from "@/lib/wizard/files";
import { zipStore } from "@/lib/wizard/zip";

function download(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A short-lived confirmation ("Copied"), announced politely. */
function useFlash(): [string, (message: string) => void] {
  const [message, setMessage] = useState("");
  useEffect(() => {
    if (!message) return;
    const t = setTimeout(() => setMessage(""), 2500);
    return () => clearTimeout(t);
  }, [message]);
  return [message, setMessage];
}

export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Copy the Dockerfile, download it, or download every file as a zip. */
export function OutputActions({ files, shareQuery }: { files: readonly OutputFile[]; shareQuery: { ok: true; query: string } | { ok: false; message: string } }) {
  const [status, flash] = useFlash();
  const dockerfile = files.find((f) => f.name === "Dockerfile")!;

  async function copy() {
    flash((await copyText(dockerfile.text)) ? "Copied the Dockerfile" : "Could not copy: select the text in the preview and copy it");
  }

  async function share() {
    if (!shareQuery.ok) {
      flash(shareQuery.message);
      return;
    }
    const url = `${window.location.origin}${window.location.pathname}${shareQuery.query ? `?${shareQuery.query}` : ""}`;
    flash((await copyText(url)) ? "Copied the link" : `Could not copy the link: ${url}`);
  }

  return (
    <div>
      <div className="flex flex-wrap gap-2">
        <Button variant="primary" onClick={copy}>
          Copy Dockerfile
        </Button>
        <Button onClick={() => download("Dockerfile", new Blob([dockerfile.text], { type: "application/octet-stream" }))}>Download Dockerfile</Button>
        <Button
          onClick={() => download("wheelwright.zip", new Blob([zipStore(files.map((f) => ({ name: f.name, data: f.text }))) as BlobPart], { type: "application/zip" }))}
          title={files.map((f) => f.name).join(", ")}
        >
          Download all (.zip)
        </Button>
        <Button onClick={share}>Share link</Button>
        <p role="status" className="self-center text-sm font-medium text-foreground">
          {status}
        </p>
      </div>
    </div>
  );
}
