/** "52.4 MB", for size messages (uploads and imports, in the browser and on the server alike). */
export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
