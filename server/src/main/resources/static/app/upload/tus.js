// Sends a new file with the server's tus 1.0 endpoint, in chunks, so a dropped connection costs
// at most one chunk: the client asks the server how far it got (HEAD) and goes on from there.
// The upload's address is kept in sessionStorage per file, so Retry, or choosing the same file
// again after a reload of the tab, resumes instead of starting over. Same shape as multipart.js:
//
//   send({ url, fileUrl(id), file, fields, token, onProgress(loaded, total), onSent(),
//          onOffset(offset), onNotice(text | null) }) → { done: Promise<answer>, abort() }
//
// fileUrl names where the file a finished upload became is read, when the answer of its last
// chunk was lost (the signed-in API's /api/files/<id>/ by default).

import { ApiError, problem } from '../api.js';

const CHUNK = 8 * 1024 * 1024;
const VERSION = '1.0.0';
const BACKOFF_MS = [1000, 2000, 4000, 8000, 15000, 15000];
const BUSY_TRIES = 30; // 423: another request still holds the upload
const CHECKSUM_TRIES = 3; // 460: the chunk arrived damaged
export const RETRYING = 'Connection lost — retrying…';
export const PAUSED = 'Upload paused, press Retry.';

export function sendTus({
  url = '/api/uploads/',
  fileUrl = (id) => `/api/files/${id}/`,
  file,
  fields = {},
  token,
  onProgress,
  onSent,
  onOffset,
  onNotice,
}) {
  const key = `tus:${url}:${file.name}:${file.size}:${file.lastModified}`;
  let request = null;
  let location = null;
  let aborted = false;

  const abortError = () => new DOMException('Upload cancelled', 'AbortError');

  /** One request; resolves with { status, header(name), body } also for failures, status 0 offline. */
  const call = (method, target, { headers = {}, body = null, progress = null } = {}) =>
    new Promise((resolve, reject) => {
      if (aborted) return reject(abortError());
      const xhr = new XMLHttpRequest();
      request = xhr;
      xhr.open(method, target);
      xhr.responseType = 'text';
      xhr.setRequestHeader('Tus-Resumable', VERSION);
      xhr.setRequestHeader('Accept', 'application/json');
      if (token) xhr.setRequestHeader('Authorization', `Token ${token}`);
      for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
      if (progress) {
        xhr.upload.addEventListener('progress', (event) => {
          if (event.lengthComputable) progress(event.loaded);
        });
      }
      xhr.addEventListener('load', () =>
        resolve({ status: xhr.status, header: (name) => xhr.getResponseHeader(name), body: parse(xhr.responseText) }),
      );
      xhr.addEventListener('error', () => resolve({ status: 0, header: () => null, body: null }));
      xhr.addEventListener('abort', () => reject(abortError()));
      xhr.send(body);
    });

  const refusal = (answer) => problem(answer.status, answer.body, answer.header('Retry-After'));

  /** The server's offset for the upload at `location`, or null if it is gone. */
  const head = async () => {
    const answer = await call('HEAD', location, { headers: { 'Cache-Control': 'no-store' } });
    if (answer.status === 200) return { offset: Number(answer.header('Upload-Offset')), fileId: answer.header('Fileshare-File-Id') };
    if (answer.status === 0) return { offline: true };
    if (answer.status === 401) throw refusal(answer);
    return null; // 404, 410: expired or not ours
  };

  const create = async () => {
    const metadata = Object.entries({ filename: file.name, ...fields })
      .filter(([, value]) => value != null)
      .map(([name, value]) => `${name} ${base64(String(value))}`)
      .join(',');
    const answer = await call('POST', url, { headers: { 'Upload-Length': String(file.size), 'Upload-Metadata': metadata } });
    if (answer.status !== 201) throw answer.status === 0 ? paused() : refusal(answer);
    location = new URL(answer.header('Location'), window.location.href).pathname;
    remember(key, location);
  };

  /** The file a complete upload became (when the answer of the last chunk was lost). */
  const fileOf = async (id) => {
    const answer = await call('GET', fileUrl(id));
    if (answer.status !== 200) throw answer.status === 0 ? paused() : refusal(answer);
    return answer.body;
  };

  const run = async () => {
    let offset = 0;
    location = recall(key);
    const state = location ? await head() : null;
    if (state?.offline) throw paused();
    if (state?.fileId) return finish(await fileOf(state.fileId));
    if (state) {
      offset = state.offset;
    } else {
      forget(key);
      await create();
    }
    onOffset?.(offset);
    onProgress?.(offset, file.size);
    let lost = 0;
    let busy = 0;
    let damaged = 0;
    for (;;) {
      const chunk = file.slice(offset, Math.min(offset + CHUNK, file.size));
      const headers = { 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream' };
      let body = chunk;
      if (globalThis.crypto?.subtle) {
        try {
          const bytes = await chunk.arrayBuffer();
          headers['Upload-Checksum'] = `sha256 ${base64Bytes(await crypto.subtle.digest('SHA-256', bytes))}`;
          body = bytes;
        } catch {
          throw new ApiError('The file could not be read. It may have been moved or deleted.');
        }
      }
      const last = offset + chunk.size >= file.size;
      const start = offset;
      const answer = await call('PATCH', location, {
        headers,
        body,
        progress: (loaded) => {
          onProgress?.(start + loaded, file.size);
          if (last && loaded >= chunk.size) onSent?.();
        },
      });
      if (answer.status === 200 || answer.status === 204) {
        if (lost || busy) onNotice?.(null);
        lost = 0;
        busy = 0;
        damaged = 0;
        offset = Number(answer.header('Upload-Offset'));
        const fileId = answer.header('Fileshare-File-Id');
        if (fileId) return finish(answer.status === 200 && answer.body ? answer.body : await fileOf(fileId));
        onProgress?.(offset, file.size);
        continue;
      }
      if (answer.status === 423 && busy++ < BUSY_TRIES) {
        await sleep(1000 * (Number(answer.header('Retry-After')) || 1));
        continue;
      }
      if (answer.status === 460 && damaged++ < CHECKSUM_TRIES) continue;
      // 507: over the storage quota, a refusal that waiting does not change.
      if (answer.status === 0 || answer.status === 409 || (answer.status >= 500 && answer.status !== 507)) {
        // Ask where the server is, after a pause that grows, a bounded number of times.
        for (;;) {
          if (lost >= BACKOFF_MS.length) throw paused();
          if (answer.status !== 409) onNotice?.(RETRYING);
          await sleep(answer.status === 409 ? 0 : BACKOFF_MS[lost]);
          lost += 1;
          const state = await head();
          if (state?.offline) continue;
          if (!state) {
            forget(key);
            throw new ApiError('The upload expired on the server. Press Retry to start again.', { status: 0 });
          }
          if (state.fileId) return finish(await fileOf(state.fileId));
          offset = state.offset;
          onOffset?.(offset);
          onProgress?.(offset, file.size);
          break;
        }
        continue;
      }
      if (answer.status >= 400 && answer.status < 500 && answer.status !== 401 && answer.status !== 429) forget(key);
      throw refusal(answer);
    }
  };

  const finish = (answer) => {
    forget(key);
    onNotice?.(null);
    return answer;
  };

  const sleep = (ms) =>
    new Promise((resolve, reject) => {
      if (aborted) return reject(abortError());
      const timer = setTimeout(resolve, ms);
      wakers.add(() => {
        clearTimeout(timer);
        reject(abortError());
      });
    });
  const wakers = new Set();

  const done = run();
  const abort = () => {
    if (aborted) return;
    aborted = true;
    request?.abort();
    for (const wake of wakers) wake();
    forget(key);
    if (location) {
      // Termination: the server frees what it kept. Nobody waits for the answer.
      const headers = { 'Tus-Resumable': VERSION };
      if (token) headers.Authorization = `Token ${token}`;
      fetch(location, { method: 'DELETE', headers, credentials: token ? 'omit' : 'same-origin' }).catch(() => {});
    }
  };
  return { done, abort };
}

function paused() {
  return new ApiError(PAUSED, { status: 0 });
}

function remember(key, location) {
  try {
    sessionStorage.setItem(key, location);
  } catch {
    // storage full or disabled: the upload still works, it just cannot resume after a reload
  }
}

function recall(key) {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

function forget(key) {
  try {
    sessionStorage.removeItem(key);
  } catch {
    // nothing kept
  }
}

function base64(text) {
  return base64Bytes(new TextEncoder().encode(text));
}

function base64Bytes(buffer) {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function parse(text) {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}
