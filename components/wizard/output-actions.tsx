"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import type { BuildSpec } from "@/lib/spec";
import type { PreviewFile } from "@/lib/wizard/files";
import { withEngine } from "@/browser/engine";

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

/** Copy the Dockerfile, download it, download every file as a zip, or copy a link to `spec`. */
export function OutputActions({ files, spec }: { files: readonly PreviewFile[]; spec: BuildSpec }) {
  const [status, flash] = useFlash();
  const dockerfile = files.find((f) => f.name === "Dockerfile")!;

  async function copy() {
    flash((await copyText(dockerfile.text)) ? "Copied the Dockerfile" : "Could not copy: select the text in the preview and copy it");
  }

  /** The zip writer is in the engine too: the page's first load does not carry it for a button not yet pressed. */
  function downloadAll() {
    withEngine(({ zipStore }) => download("wheelwright.zip", new Blob([zipStore(files.map((f) => ({ name: f.name, data: f.text }))) as BlobPart], { type: "application/zip" })));
  }

  /** The link is encoded on demand (the encoder is in the engine: at once when it has loaded, else when it arrives). */
  function share() {
    withEngine(async ({ encodeShare }) => {
      const r = encodeShare(spec);
      if (!r.ok) {
        flash(r.message);
        return;
      }
      const url = `${window.location.origin}${window.location.pathname}${r.query ? `?${r.query}` : ""}`;
      flash((await copyText(url)) ? "Copied the link" : `Could not copy the link: ${url}`);
    });
  }

  return (
    <div>
      <div className="flex flex-wrap gap-2">
        <Button variant="primary" onClick={copy}>
          Copy Dockerfile
        </Button>
        <Button onClick={() => download("Dockerfile", new Blob([dockerfile.text], { type: "application/octet-stream" }))}>Download Dockerfile</Button>
        <Button
          onClick={downloadAll}
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
