// Nâng Bước: one login for the product's pages and the webapps (/dang-nhap). A webapp goes to its own login
// form (#/login) when the session is over or after its logout; the product's login page replaces it, so that
// nobody meets a second login form. The login is told where the person was (the part after # never reaches the
// server), and leads back there; the server refuses any address but a path of this site, and sends someone
// already signed in to the home page instead (a webapp that keeps asking for the login does not loop).
(function () {
  var LOGIN = '#/login';
  var before = null;

  function here() {
    return window.location.pathname + window.location.search + window.location.hash;
  }

  function toTheProductsLogin() {
    if ((window.location.hash || '').indexOf(LOGIN) !== 0) {
      before = here();
      return;
    }
    window.location.replace('/dang-nhap' + (before ? '?continue=' + encodeURIComponent(before) : ''));
  }

  toTheProductsLogin();
  window.addEventListener('hashchange', toTheProductsLogin);
  // the app may also change its address without a hashchange event (history API)
  window.setInterval(toTheProductsLogin, 300);
})();
