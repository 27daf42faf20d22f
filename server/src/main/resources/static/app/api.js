// Calls to the JSON API, and the server's answers turned into sentences people understand.

import { bytes, plural } from './format.js';
import { session } from './session.js';

export const OFFLINE = "Can't reach the server. Check your connection and try again.";
const SERVER_TROUBLE = 'Something went wrong on our side. Please try again in a moment.';
export const SESSION_ENDED = 'Your session has ended. Please sign in again.';

/** An answer that was not a success, with a message fit to show. */
export class ApiError extends Error {
  constructor(message, { status = 0, body = null, retryAfter = null } = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
    this.retryAfter = retryAfter;
  }

  /** True when the token was refused: the app has already gone back to the sign-in screen. */
  get sessionEnded() {
    return this.status === 401;
  }
}

/**
 * Calls the API. `json` is sent as a JSON body; `messages` replaces the message for a status
 * ({404: 'This file no longer exists.'}). Resolves with the parsed answer (null for 204).
 */
export async function api(path, options = {}) {
  return (await call(path, options)).answer;
}

/**
 * Calls a list that pages with a `Link: <…>; rel="next"` header (links, trash, activity). Resolves
 * with `{ results, next }`: next is the path of the following page, or null on the last one.
 */
export async function apiPage(path, options = {}) {
  const { answer, response } = await call(path, options);
  return { results: answer ?? [], next: nextPage(response.headers.get('Link')) };
}

/** The path and query of the rel="next" target; the server writes it with its public address. */
function nextPage(header) {
  const match = /<([^>]*)>\s*;\s*rel="?next"?/.exec(header ?? '');
  if (!match) return null;
  const url = new URL(match[1], location.href);
  return `${url.pathname}${url.search}`;
}

async function call(path, { method = 'GET', json, auth = true, signal, messages } = {}) {
  const headers = { Accept: 'application/json' };
  let body;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  }
  const token = auth ? session.token : null;
  if (token) headers.Authorization = `Token ${token}`;
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body,
      signal,
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError(OFFLINE);
  }
  if (response.status === 204) return { answer: null, response };
  const answer = await readJson(response);
  if (!response.ok) {
    const error = problem(response.status, answer, response.headers.get('Retry-After'), messages);
    if (error.sessionEnded && token) session.end('expired');
    throw error;
  }
  return { answer, response };
}

async function readJson(response) {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Builds the error for a failed answer; shared by fetch calls and by uploads (XMLHttpRequest). */
export function problem(status, body, retryAfterHeader, messages = {}) {
  const retryAfter = seconds(retryAfterHeader) ?? seconds(body?.retry_after);
  return new ApiError(message(status, body, retryAfter, messages ?? {}), {
    status,
    body,
    retryAfter,
  });
}

function message(status, body, retryAfter, messages) {
  if (messages[status]) return messages[status];
  switch (true) {
    case status === 0:
      return OFFLINE;
    case status === 401:
      return SESSION_ENDED;
    case status === 429:
      return tooMany(retryAfter);
    case status === 507 || (status === 413 && body?.quota != null):
      return quotaRefusal(body);
    case status === 413:
      return body?.max_upload_size
        ? `The file is larger than the limit of ${bytes(body.max_upload_size)}.`
        : 'The file is too large.';
    case status === 415:
      return firstSentence(body?.detail) ?? 'Only PDF documents can be uploaded.';
    case status >= 500:
      return SERVER_TROUBLE;
    default:
      return sentence(body?.error ?? body?.detail) ?? "That didn't work. Please try again.";
  }
}

/** Whether the answer refused bytes over the storage quota (507, or 413 where tus needs it). */
export function overQuota(error) {
  return error?.status === 507 || (error?.status === 413 && error.body?.quota != null);
}

/**
 * A quota refusal in words, from the problem's `quota` and `usage` members: what is left of which
 * quota and, when the size of what was refused is known, what it needed.
 */
export function quotaRefusal(body, needed = null) {
  const quota = body?.quota ?? {};
  const usage = body?.usage ?? {};
  const room = 'Empty the trash or delete files or old versions to make room.';
  if (quota.files != null && usage.files != null && usage.files >= quota.files) {
    return `You have reached your quota of ${plural(quota.files, 'file')}. ${room}`;
  }
  if (quota.bytes != null && usage.bytes != null) {
    const left = bytes(Math.max(0, quota.bytes - usage.bytes));
    const need = Number.isFinite(needed) ? `this file needs ${bytes(needed)}, and ` : '';
    return `Not enough storage: ${need}${left} of your ${bytes(quota.bytes)} is left. ${room}`;
  }
  return sentence(body?.detail) ?? `Not enough storage left. ${room}`;
}

export function tooMany(retryAfter) {
  if (!retryAfter) return 'Too many attempts — please wait a moment and try again.';
  return `Too many attempts — try again in ${retryAfter} ${retryAfter === 1 ? 'second' : 'seconds'}.`;
}

function seconds(value) {
  const number = Number.parseInt(value, 10);
  return Number.isFinite(number) && number >= 0 ? number : null;
}

/** The server's text as a sentence: capitalised words end with a full stop. */
function sentence(text) {
  if (typeof text !== 'string' || !text.trim()) return null;
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** "The file is not a PDF document. Accepted types: …" → "The file is not a PDF document." */
function firstSentence(text) {
  if (typeof text !== 'string') return null;
  const cut = text.split(/\.\s+Accepted/)[0];
  return sentence(cut);
}
