// Nâng Bước: caseworkers see their tasks by due date, earliest first, unless they chose another
// order. Tasklist reads the order from the "sorting" parameter of its address and otherwise sorts
// by creation date; this fills in the parameter when it is missing.
(function () {
  var DUE_DATE_FIRST = JSON.stringify([{ sortBy: 'dueDate', sortOrder: 'asc' }]);

  function sortByDueDateUnlessChosen() {
    var hash = window.location.hash || '#/';
    if (hash.indexOf('#/login') === 0 || hash.indexOf('sorting=') >= 0) {
      return;
    }
    var separator = hash.indexOf('?') >= 0 ? '&' : '?';
    window.location.replace(window.location.pathname + window.location.search + hash + separator
      + 'sorting=' + encodeURIComponent(DUE_DATE_FIRST));
  }

  sortByDueDateUnlessChosen();
  window.addEventListener('hashchange', sortByDueDateUnlessChosen);
})();
