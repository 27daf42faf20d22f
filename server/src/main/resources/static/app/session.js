// The sign-in token lives in sessionStorage: it belongs to this tab, is gone when the tab closes,
// and is never sent by the browser on its own (so no cross-site request can use it).

const KEY = 'fileshare.token';

const events = new EventTarget();
let user = null;

export const session = {
  get token() {
    try {
      return sessionStorage.getItem(KEY);
    } catch {
      return null;
    }
  },

  get user() {
    return user;
  },

  set user(value) {
    user = value;
    events.dispatchEvent(new Event('change'));
  },

  start(token) {
    sessionStorage.setItem(KEY, token);
  },

  /** Forgets the token; `reason` says why, for the sign-in screen to explain. */
  end(reason = null) {
    const had = this.token != null;
    sessionStorage.removeItem(KEY);
    user = null;
    events.dispatchEvent(new CustomEvent('end', { detail: { reason, had } }));
    events.dispatchEvent(new Event('change'));
  },

  on(type, listener, options) {
    events.addEventListener(type, listener, options);
  },
};
