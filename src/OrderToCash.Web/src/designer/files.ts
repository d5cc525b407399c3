/** Files larger than this are refused before parsing: no workflow diagram comes near it. */
export const MaxDiagramBytes = 5 * 1024 * 1024;

/** Offers text as a file download, named for the user's disk. */
export function download(fileName: string, content: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the object URL; release it once the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A safe file name from a process name: letters, digits, dashes; never empty. */
export function fileNameFor(processName: string | undefined, extension: string): string {
  const base = (processName ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${base || 'diagram'}.${extension}`;
}
