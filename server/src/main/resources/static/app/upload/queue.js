// The uploads of this tab: each file waits its turn, is checked before a byte is sent, and then
// goes through a transport while its progress, speed and time left are kept: new files go through
// tus (resumable, tus.js), a replaced content through multipart (tus only creates new files).

import { api, overQuota, quotaRefusal } from '../api.js';
import { bytes } from '../format.js';
import { session } from '../session.js';
import { sendMultipart } from './multipart.js';
import { sendTus } from './tus.js';

const PARALLEL = 3;
const WINDOW_MS = 3000; // speed is measured over the last few seconds

let settings = null;

/** The server's upload limits (size, accepted types), read once. */
export async function uploadSettings() {
  if (!settings) {
    settings = api('/app/settings.json', { auth: false }).catch(() => {
      settings = null;
      return { max_upload_size: null, accepted_types: ['application/pdf'], default_visibility: 'users' };
    });
  }
  return settings;
}

let nextId = 1;

class UploadQueue extends EventTarget {
  tasks = [];

  /** Adds new files; `visibility` is 'users' or 'private'. */
  add(files, { visibility }) {
    for (const file of files) {
      this.#push({ file, kind: 'new', url: '/api/uploads/', method: 'POST', fields: { visibility } });
    }
  }

  /** Replaces the content of an existing file, keeping its name. */
  replace(existing, file) {
    this.#push({
      file,
      kind: 'replace',
      target: existing,
      url: `/api/files/${existing.id}/`,
      method: 'PATCH',
      fields: { name: existing.name },
    });
  }

  cancel(task) {
    if (task.state === 'queued' || task.state === 'preparing') this.#finish(task, 'cancelled');
    else task.abort?.();
  }

  /** Stops every upload and forgets the list (when the person signs out). */
  reset() {
    const running = this.tasks;
    this.tasks = [];
    for (const task of running) {
      if (task.state === 'queued' || task.state === 'preparing') task.state = 'cancelled';
      task.abort?.();
    }
    this.dispatchEvent(new Event('list'));
  }

  retry(task) {
    Object.assign(task, { state: 'queued', loaded: 0, total: 0, error: null, notice: null, samples: [], retryable: false, quota: false });
    this.#changed(task);
    this.#pump();
  }

  dismiss(task) {
    this.tasks = this.tasks.filter((t) => t !== task);
    this.dispatchEvent(new Event('list'));
  }

  clearFinished() {
    this.tasks = this.tasks.filter((t) => !isFinished(t));
    this.dispatchEvent(new Event('list'));
  }

  #push(spec) {
    const task = {
      id: nextId++,
      ...spec,
      name: spec.kind === 'replace' ? spec.target.name : spec.file.name,
      size: spec.file.size,
      state: 'queued',
      loaded: 0,
      samples: [],
      speed: 0,
      remaining: Infinity,
      error: null,
      notice: null,
      quota: false,
      result: null,
    };
    this.tasks.push(task);
    this.dispatchEvent(new Event('list'));
    this.#pump();
  }

  #pump() {
    const running = this.tasks.filter((t) => t.state === 'uploading' || t.state === 'checking' || t.state === 'preparing');
    for (const task of this.tasks) {
      if (running.length >= PARALLEL) break;
      if (task.state !== 'queued') continue;
      running.push(task);
      this.#run(task);
    }
  }

  async #run(task) {
    task.state = 'preparing';
    this.#changed(task);
    const refusal = await precheck(task.file);
    if (task.state === 'cancelled') return;
    if (refusal) return this.#finish(task, 'failed', refusal);
    task.state = 'uploading';
    task.started = performance.now();
    task.samples = [{ time: task.started, loaded: 0 }];
    this.#changed(task);
    const send = task.kind === 'new' ? sendTus : sendMultipart;
    const transfer = send({
      url: task.url,
      method: task.method,
      file: task.file,
      fields: task.fields,
      token: session.token,
      onProgress: (loaded, total) => this.#progress(task, loaded, total),
      onOffset: (offset) => {
        // Resuming: speed counts only what is sent from here on.
        task.samples = [{ time: performance.now(), loaded: offset }];
      },
      onNotice: (notice) => {
        task.notice = notice;
        this.#changed(task);
      },
      onSent: () => {
        task.state = 'checking';
        task.loaded = task.total ?? task.size;
        this.#changed(task);
      },
    });
    task.abort = transfer.abort;
    try {
      task.result = await transfer.done;
      this.#finish(task, 'done');
      this.dispatchEvent(new CustomEvent('uploaded', { detail: task }));
    } catch (failure) {
      if (failure.name === 'AbortError') return this.#finish(task, 'cancelled');
      if (failure.sessionEnded) session.end('expired');
      // Trying again helps after a dropped connection or a busy server, not after a refusal.
      task.quota = overQuota(failure);
      task.retryable = !task.quota && (failure.status === 0 || failure.status === 429 || failure.status === 409 || failure.status >= 500);
      this.#finish(task, 'failed', task.quota ? quotaRefusal(failure.body, task.size) : failure.message);
    }
  }

  #progress(task, loaded, total) {
    task.total = total;
    task.loaded = loaded;
    const now = performance.now();
    task.samples.push({ time: now, loaded });
    while (task.samples.length > 2 && now - task.samples[1].time > WINDOW_MS) task.samples.shift();
    const first = task.samples[0];
    const seconds = (now - first.time) / 1000;
    if (seconds > 0.2) {
      task.speed = (loaded - first.loaded) / seconds;
      task.remaining = task.speed > 0 ? (total - loaded) / task.speed : Infinity;
    }
    this.#changed(task);
  }

  #finish(task, state, error = null) {
    task.state = state;
    task.notice = null;
    task.error = error;
    task.abort = null;
    this.#changed(task);
    this.#pump();
  }

  #changed(task) {
    this.dispatchEvent(new CustomEvent('task', { detail: task }));
  }
}

export function isFinished(task) {
  return task.state === 'done' || task.state === 'failed' || task.state === 'cancelled';
}

/** Refuses at once what the server would refuse after the whole upload. */
async function precheck(file) {
  const { max_upload_size: max, accepted_types: accepted } = await uploadSettings();
  if (file.size === 0) return 'The file is empty.';
  if (max && file.size > max) return `The file is larger than the limit of ${bytes(max)}.`;
  if (accepted?.length === 1 && accepted[0] === 'application/pdf') {
    try {
      const head = await file.slice(0, 5).text();
      if (head !== '%PDF-') return 'The file is not a PDF document. Only PDF files can be uploaded.';
    } catch {
      return 'The file could not be read. It may have been moved or deleted.';
    }
  }
  return null;
}

export const uploads = new UploadQueue();
