// Starts the app: restores the session of this tab, draws the header, and shows the screen.

import { api } from './api.js';
import { h, icon } from './dom.js';
import { navigate, route, start } from './router.js';
import { session } from './session.js';
import { uploads } from './upload/queue.js';
import { registerDownloadWorker } from './download.js';
import { accountScreen } from './views/account.js';
import { activityScreen } from './views/activity.js';
import { adminScreen } from './views/admin.js';
import { finishSingleSignOn, signInScreen, signUpScreen } from './views/auth.js';
import { checkEmailScreen, forgotScreen, resendScreen } from './views/email-forms.js';
import { filesScreen } from './views/files.js';
import { requestsScreen } from './views/requests.js';
import { searchScreen } from './views/search.js';
import { trashScreen } from './views/trash.js';
import { headerUsage, refreshUsage } from './views/usage-bar.js';

route('/signin', signInScreen, { guest: true });
route('/signup', signUpScreen, { guest: true });
route('/check-email', checkEmailScreen, { guest: true });
route('/resend', resendScreen);
route('/forgot', forgotScreen);
route('/files', filesScreen, { signedIn: true });
route('/requests', requestsScreen, { signedIn: true });
route('/search', searchScreen, { signedIn: true });
route('/activity', activityScreen, { signedIn: true });
route('/trash', trashScreen, { signedIn: true });
route('/account', accountScreen, { signedIn: true });
route('/admin', adminScreen, { signedIn: true });

function drawNav() {
  const nav = document.getElementById('account-nav');
  const user = session.user;
  nav.hidden = !session.token;
  if (!session.token) {
    nav.replaceChildren();
    return;
  }
  const here = location.hash.split('?')[0];
  const link = (href, label, name) =>
    h(
      'a',
      { href, class: 'nav-link', 'aria-current': here === href ? 'page' : null },
      icon(name),
      h('span', {}, label),
    );
  nav.replaceChildren(
    headerUsage(),
    link('#/files', 'Files', 'file'),
    link('#/search', 'Search', 'search'),
    link('#/requests', 'Requests', 'upload'),
    link('#/activity', 'Activity', 'clock'),
    link('#/trash', 'Trash', 'trash'),
    ...(user?.admin ? [link('#/admin', 'Admin', 'user')] : []),
    link('#/account', user ? user.username : 'Account', 'user'),
    h(
      'button',
      { type: 'button', class: 'nav-link', onclick: signOut },
      icon('signOut'),
      h('span', {}, 'Sign out'),
    ),
  );
}

async function signOut() {
  uploads.reset();
  try {
    await api('/api/user/logout/', { method: 'POST' });
  } catch {
    // The token is forgotten here either way.
  }
  session.end('signed-out');
}

session.on('change', drawNav);
// New content counts against the quota: the figure in the header follows each finished upload.
uploads.addEventListener('uploaded', refreshUsage);
addEventListener('hashchange', drawNav);
session.on('end', (event) => {
  uploads.reset();
  document.getElementById('toasts').replaceChildren();
  const reason = event.detail.reason;
  navigate(reason ? `/signin?notice=${encodeURIComponent(reason)}` : '/signin');
});

// Dropping a file anywhere but on the drop area must not open it in place of the app.
for (const type of ['dragover', 'drop']) {
  addEventListener(type, (event) => {
    if (!event.target.closest?.('.dropzone')) event.preventDefault();
  });
}

// The skip link moves focus without touching the address, which names the screen.
document.querySelector('.skip-link').addEventListener('click', (event) => {
  event.preventDefault();
  document.getElementById('main').focus();
});

async function boot() {
  registerDownloadWorker();
  await finishSingleSignOn();
  if (session.token) {
    try {
      session.user = await api('/api/user/me/');
    } catch (error) {
      if (!error.sessionEnded) session.user = null;
    }
  }
  drawNav();
  start();
}

boot();
