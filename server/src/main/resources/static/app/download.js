// Downloads need the token in a header, which a plain link cannot send. Two ways:
//
// 1. Streamed (preferred): a service worker (/download-worker.js) is handed the token for one
//    download under a random one-time name; the page then opens /download/<name>, the worker
//    fetches the file with the token and passes the response through as it arrives. The browser's
//    own download manager saves it to disk as the bytes come in, with its progress and the name
//    the server gives, and a 1 GB file never sits in the page's memory.
// 2. Fallback, where service workers are unavailable (plain http on a non-local address, some
//    private modes): fetch the file into a Blob and save it through an object URL. This holds
//    the whole file in memory, so it is only the fallback.

import { problem } from './api.js';
import { h } from './dom.js';
import { session } from './session.js';

let ready = null;

export function registerDownloadWorker() {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  ready = navigator.serviceWorker
    .register('/download-worker.js', { scope: '/' })
    .then(() => navigator.serviceWorker.ready)
    .catch(() => null);
}

/**
 * Downloads a file the user may see, or (with `url`) one of its versions. Rejects with an ApiError
 * the page can show.
 */
export async function download(file, { url = `/api/download/${file.id}/` } = {}) {
  const worker = await controller();
  if (worker) {
    const handled = await viaWorker(worker, url);
    if (handled) return handled;
  }
  return viaBlob(file, url);
}

async function controller() {
  if (!ready) return null;
  const registration = await Promise.race([ready, wait(3000)]);
  if (!registration) return null;
  if (navigator.serviceWorker.controller) return navigator.serviceWorker.controller;
  // Right after the first registration the worker takes control of this page a moment later;
  // after a reload that bypassed it (Shift+Reload), it is asked to take control now.
  registration.active?.postMessage({ type: 'fileshare-claim' });
  await Promise.race([
    new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true })),
    wait(3000),
  ]);
  return navigator.serviceWorker.controller;
}

function viaWorker(worker, url) {
  return new Promise((resolve, reject) => {
    const channel = new MessageChannel();
    const name = crypto.randomUUID();
    const timer = setTimeout(() => resolve(null), 3000); // the worker did not answer: fall back
    let started = false;
    channel.port1.onmessage = ({ data }) => {
      if (data.type === 'ready') {
        clearTimeout(timer);
        navigateFrame(`/download/${name}`);
      } else if (data.type === 'started') {
        started = true;
        channel.port1.close();
        resolve('streamed');
      } else if (data.type === 'failed') {
        channel.port1.close();
        const error = problem(data.status, parse(data.body), data.retryAfter, MESSAGES);
        if (error.sessionEnded) session.end('expired');
        reject(error);
      }
    };
    worker.postMessage(
      { type: 'fileshare-download', name, url, token: session.token },
      [channel.port2],
    );
    // If the worker never reports back (it was stopped), stop waiting after a while.
    setTimeout(() => {
      if (!started) resolve('streamed');
    }, 30000);
  });
}

// A link with a download attribute does not pass through the service worker in every browser;
// a navigation does. A hidden frame navigates, so the page itself stays where it is.
let frame = null;

function navigateFrame(url) {
  frame?.remove();
  frame = h('iframe', { src: url, hidden: true, title: 'Download', tabindex: '-1' });
  document.body.append(frame);
}

const MESSAGES = { 404: 'This file no longer exists, or it is no longer shared with you.' };

async function viaBlob(file, url) {
  const headers = { Authorization: `Token ${session.token}` };
  let response;
  try {
    response = await fetch(url, { headers, credentials: 'omit', cache: 'no-store' });
  } catch {
    throw problem(0, null, null);
  }
  if (!response.ok) {
    const error = problem(response.status, parse(await response.text()), response.headers.get('Retry-After'), MESSAGES);
    if (error.sessionEnded) session.end('expired');
    throw error;
  }
  const saved = URL.createObjectURL(await response.blob());
  const link = h('a', { href: saved, download: file.name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(saved), 60000);
  return 'buffered';
}

function parse(text) {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

function wait(ms) {
  return new Promise((resolve) => setTimeout(() => resolve(null), ms));
}

