// Nâng Bước: one login for the product's pages and the webapps (/dang-nhap). A webapp goes to its own login
// form (#/login) when the session is over or after its logout; the product's login page replaces it, so that
// nobody meets a second login form. After the login the product opens its home page.
(function () {
  function toTheProductsLogin() {
    if ((window.location.hash || '').indexOf('#/login') === 0) {
      window.location.replace('/dang-nhap');
    }
  }

  toTheProductsLogin();
  window.addEventListener('hashchange', toTheProductsLogin);
  // the app may also change its address without a hashchange event (history API)
  window.setInterval(toTheProductsLogin, 300);
})();
