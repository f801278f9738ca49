/** Base64 of a Blob without building a giant string by hand (FileReader does it natively). */
export function blobToBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The data could not be read.'));
    reader.readAsDataURL(blob);
  });
}
