// Sends one file as a multipart form with XMLHttpRequest, which (unlike fetch) reports upload
// progress. Every transport has this shape, so a resumable one (tus) can take its place:
//
//   send({ url, method, file, fields, token, onProgress(loaded, total), onSent() })
//     → { done: Promise<answer>, abort() }
//
// `done` resolves with the server's JSON answer, or rejects with an ApiError (or an AbortError).

import { problem } from '../api.js';

export function sendMultipart({ url, method = 'POST', file, fields = {}, token, onProgress, onSent }) {
  const request = new XMLHttpRequest();
  const done = new Promise((resolve, reject) => {
    request.open(method, url);
    request.responseType = 'text';
    request.setRequestHeader('Accept', 'application/json');
    if (token) request.setRequestHeader('Authorization', `Token ${token}`);
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded, event.total);
    });
    request.upload.addEventListener('load', () => onSent?.());
    request.addEventListener('load', () => {
      const answer = parse(request.responseText);
      if (request.status >= 200 && request.status < 300) resolve(answer);
      else reject(problem(request.status, answer, request.getResponseHeader('Retry-After')));
    });
    request.addEventListener('error', () => reject(problem(0, null, null)));
    request.addEventListener('abort', () => reject(new DOMException('Upload cancelled', 'AbortError')));
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) {
      if (value != null) form.append(name, value);
    }
    form.append('pdf', file, file.name);
    request.send(form);
  });
  return { done, abort: () => request.abort() };
}

function parse(text) {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}
