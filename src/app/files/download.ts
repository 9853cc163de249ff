/**
 * Downloads without a server: an object URL (or a data URL) on a temporary <a download> link.
 * The object URL is revoked after the click has been handled.
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  clickLink(url, fileName);
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function downloadText(text: string, fileName: string, type: string): void {
  downloadBlob(new Blob([text], { type }), fileName);
}

/** Download a data: URL (a PNG from a canvas) as a file. */
export function downloadDataUrl(dataUrl: string, fileName: string): void {
  clickLink(dataUrl, fileName);
}

function clickLink(href: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
}
