import { ApiError } from '@threadline/widget/shared/api-error';
import type { ImportStatus } from '../lib/agent-types';

/**
 * Posts a CSV file as the request body (`text/csv`). The browser streams the file from disk, so a
 * million-row file never sits in page memory; XHR (unlike fetch) reports upload progress.
 */
export function uploadCsv(
  url: string,
  bearer: string,
  file: Blob,
  onProgress: (sentBytes: number, totalBytes: number) => void,
): Promise<ImportStatus> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('authorization', bearer);
    xhr.setRequestHeader('content-type', 'text/csv');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) => onProgress(event.loaded, event.total || file.size);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve(xhr.response as ImportStatus);
      else {
        const body = xhr.response as { message?: string; error?: string } | null;
        reject(new ApiError(xhr.status, body?.message ?? `HTTP ${xhr.status}`, body?.error));
      }
    };
    xhr.onerror = () => reject(new TypeError('the upload did not reach the gateway'));
    xhr.send(file);
  });
}
