// Bothy pages for place leads (the place dashboard, the accountability record) share one way of holding the token:
// pasted once, or handed over in the URL fragment (never sent to any server in the URL), kept in this tab only.
// Served by every service from service-support, so the pages cannot drift apart.
'use strict';

window.BothyPlaceLeadToken = (function () {
  const TOKEN_KEY = 'bothy.placeLead.token';

  /** Moves a token handed over as #token=... into session storage and out of the address bar. */
  function takeFromFragment() {
    const match = location.hash.match(/(?:^#|&)token=([^&]+)/);
    if (match) {
      sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
      history.replaceState(null, '', location.pathname + location.search);
    }
  }

  function get() {
    return sessionStorage.getItem(TOKEN_KEY);
  }

  function set(value) {
    sessionStorage.setItem(TOKEN_KEY, value);
  }

  /** Forgets the token and shows the sign-in card (ids main, sign-out, sign-in, sign-in-problem, token-input). */
  function ask(problem) {
    sessionStorage.removeItem(TOKEN_KEY);
    document.getElementById('main').hidden = true;
    document.getElementById('sign-out').hidden = true;
    document.getElementById('sign-in').hidden = false;
    document.getElementById('sign-in-problem').textContent = problem || '';
    document.body.dataset.state = 'signed-out';
    document.getElementById('token-input').focus();
  }

  return {takeFromFragment, get, set, ask};
})();
