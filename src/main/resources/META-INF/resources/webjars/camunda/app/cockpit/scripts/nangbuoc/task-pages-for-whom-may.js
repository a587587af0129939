// Nâng Bước: Cockpit's human-task pages (the menu's "Nhiệm vụ", the dashboard's link to them, #/tasks) count the
// open tasks of every group, which the engine answers only to someone who may read every task (an administrator).
// Anyone else, an auditor who reads the cases of his area only, would be offered a page that answers with a
// refusal. So the links stay hidden (styles/user-styles.css) until the engine says this person may read every
// task, and for anyone else the page's address leads to the dashboard.
(function () {
  var CHECK = '/camunda/api/engine/engine/default/authorization/check?permissionName=READ&permissionValue=2'
      + '&resourceName=Task&resourceType=7&resourceId=*';
  var TASK_PAGES = '#/tasks';
  var base = window.location.pathname.split('/camunda/')[0];

  function toTheDashboard() {
    if ((window.location.hash || '').indexOf(TASK_PAGES) === 0) {
      window.location.replace('#/dashboard');
    }
  }

  function notOffered() {
    toTheDashboard();
    window.addEventListener('hashchange', toTheDashboard);
    // the app may also change its address without a hashchange event (history API)
    window.setInterval(toTheDashboard, 300);
  }

  // an address of those pages opened before the engine has answered waits on the dashboard (the pages would ask
  // the engine meanwhile, and show its refusal), and comes back once the answer allows them
  var asked = (window.location.hash || '').indexOf(TASK_PAGES) === 0 ? window.location.hash : null;
  if (asked) {
    window.location.replace('#/dashboard');
  }

  var check = new XMLHttpRequest();
  check.open('GET', base + CHECK);
  check.setRequestHeader('Accept', 'application/json');
  check.onload = function () {
    var answer = null;
    try {
      answer = JSON.parse(check.responseText);
    } catch (notJson) {
      answer = null;
    }
    if (check.status === 200 && answer && answer.authorized === true) {
      document.documentElement.classList.add('nangbuoc-task-pages');
      if (asked) {
        window.location.replace(asked);
      }
    } else {
      notOffered();
    }
  };
  check.onerror = notOffered;
  check.send();
})();
