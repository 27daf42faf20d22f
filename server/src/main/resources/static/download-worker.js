// Streams downloads that need a sign-in token (see /app/download.js). The page hands over the
// token for one download under a random one-time name; this worker answers /download/<name> by
// fetching the file with the token and passing the response through as it arrives. Every other
// request goes to the network untouched.

const pending = new Map();

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('message', (event) => {
  const data = event.data;
  if (data?.type === 'fileshare-claim') {
    event.waitUntil(self.clients.claim());
    return;
  }
  const port = event.ports[0];
  if (data?.type !== 'fileshare-download' || !port) return;
  // A file's content, or one of its versions: nothing else is fetched with the token.
  if (!/^\/api\/(download\/\d+|files\/\d+\/versions\/\d+\/download)\/$/.test(data.url)) return;
  pending.set(data.name, { url: data.url, token: data.token, port });
  setTimeout(() => pending.delete(data.name), 60000);
  port.postMessage({ type: 'ready' });
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith('/download/')) return;
  event.respondWith(serve(url.pathname.slice('/download/'.length)));
});

async function serve(name) {
  const download = pending.get(name);
  pending.delete(name);
  if (!download) {
    return new Response('This download has expired. Go back and press Download again.', {
      status: 410,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  const { url, token, port } = download;
  let response;
  try {
    response = await fetch(url, {
      headers: { Authorization: `Token ${token}` },
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    port.postMessage({ type: 'failed', status: 0 });
    return new Response(null, { status: 204 });
  }
  if (!response.ok) {
    port.postMessage({
      type: 'failed',
      status: response.status,
      body: await response.text(),
      retryAfter: response.headers.get('Retry-After'),
    });
    // No content: the browser neither saves an error as a file nor leaves the page.
    return new Response(null, { status: 204 });
  }
  port.postMessage({ type: 'started' });
  return response;
}
