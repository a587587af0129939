// Nâng Bước: a child listed from Tasklist's start form gets a case number, and the caseworker needs it (to
// write on the paper list, to find the child again). Tasklist's own notice says only that a process started,
// so this watches the start form's answer: the pathway's business key is the case number. A listing refused
// as a likely duplicate links the cases it names, so the caseworker can open them before listing again.
(function () {
  var SUBMIT = /\/process-definition\/(?:key\/child-pathway|child-pathway(?::|%3A)[^/]*)\/submit-form(?:[?#]|$)/;
  var CASE_NUMBER = /\b[A-Z0-9]+-\d{4}-\d{5}\b/g;
  var LIKELY_DUPLICATE = 'Có thể trẻ đã có hồ sơ';
  var base = window.location.pathname.split('/camunda/')[0];

  function caseLink(number, text) {
    var link = document.createElement('a');
    link.href = base + '/ho-so/so/' + encodeURIComponent(number);
    link.target = '_blank';
    link.textContent = text;
    return link;
  }

  function show(kind, parts) {
    var old = document.getElementById('nangbuoc-listing-notice');
    if (old) {
      old.parentNode.removeChild(old);
    }
    var notice = document.createElement('div');
    notice.id = 'nangbuoc-listing-notice';
    notice.className = 'nangbuoc-notice nangbuoc-notice-' + kind;
    notice.setAttribute('role', kind === 'ok' ? 'status' : 'alert');
    parts.forEach(function (part) {
      notice.appendChild(typeof part === 'string' ? document.createTextNode(part) : part);
    });
    var close = document.createElement('button');
    close.type = 'button';
    close.className = 'nangbuoc-notice-close';
    close.textContent = 'Đóng';
    close.addEventListener('click', function () {
      notice.parentNode.removeChild(notice);
    });
    notice.appendChild(close);
    document.body.appendChild(notice);
  }

  function answered(status, text) {
    var body;
    try {
      body = JSON.parse(text);
    } catch (notJson) {
      return;
    }
    if (status >= 200 && status < 300 && body && body.businessKey) {
      show('ok', ['Đã lập hồ sơ ', caseLink(body.businessKey, body.businessKey), ' · ',
        caseLink(body.businessKey, 'Mở hồ sơ')]);
    } else if (status === 400 && body && typeof body.message === 'string'
        && body.message.indexOf(LIKELY_DUPLICATE) >= 0) {
      var parts = [body.message];
      (body.message.match(CASE_NUMBER) || []).forEach(function (number) {
        parts.push(' ', caseLink(number, 'Mở hồ sơ ' + number));
      });
      show('warning', parts);
    }
  }

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.nangbuocListing = String(method).toUpperCase() === 'POST' && SUBMIT.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.nangbuocListing) {
      var request = this;
      request.addEventListener('load', function () {
        answered(request.status, request.responseText);
      });
    }
    return send.apply(this, arguments);
  };
  if (window.fetch) {
    var fetch = window.fetch;
    window.fetch = function (input, init) {
      var url = typeof input === 'string' ? input : (input && input.url) || '';
      var method = (init && init.method) || (input && input.method) || 'GET';
      var answer = fetch.apply(this, arguments);
      if (String(method).toUpperCase() === 'POST' && SUBMIT.test(url)) {
        answer.then(function (response) {
          response.clone().text().then(function (text) {
            answered(response.status, text);
          });
        });
      }
      return answer;
    };
  }
})();
