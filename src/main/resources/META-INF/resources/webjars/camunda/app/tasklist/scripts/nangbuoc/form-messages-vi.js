// Nâng Bước: the Camunda Forms library in Tasklist writes its field checks and its few own words (a drop-down's
// "Select", "No results") in English only, with no setting for them. This replaces them with Vietnamese ones as
// they appear (unless the browser asks for English), lets a number field take an amount written the way
// people here write it, and shows the server's refusal of a form at the button that was pressed.
(function () {
  var english = (navigator.language || '').toLowerCase().indexOf('en') === 0;
  var MESSAGES = [
    [/^Field is required\.$/, function () { return 'Bắt buộc nhập.'; }],
    [/^Field must match pattern .*\.$/, function () { return 'Không đúng định dạng, xem hướng dẫn dưới ô nhập.'; }],
    [/^Field must have minimum length of (\d+)\.$/, function (m) { return 'Cần ít nhất ' + m[1] + ' ký tự.'; }],
    [/^Field must have maximum length of (\d+)\.$/, function (m) { return 'Không được quá ' + m[1] + ' ký tự.'; }],
    [/^Field must have minimum value of (.+)\.$/,
      function (m) { return 'Giá trị nhỏ nhất là ' + grouped(m[1]) + '.'; }],
    [/^Field must have maximum value of (.+)\.$/,
      function (m) { return 'Giá trị lớn nhất là ' + grouped(m[1]) + '.'; }],
    [/^Field must be a valid email\.$/, function () { return 'Địa chỉ thư điện tử không hợp lệ.'; }],
    [/^Value (?:must be|is not) a number\.$/,
      function () { return 'Phải là một số, chỉ gồm chữ số (ví dụ 15000000).'; }],
    [/^Value is expected to (?:be an integer|have at most .* decimal digits?)\.$/,
      function () { return 'Phải là số nguyên.'; }],
    [/^Please select a valid value.*$/, function () { return 'Hãy nhập một giá trị hợp lệ.'; }]
  ];

  // The library's own words outside the checks, by the element that holds them.
  var WORDS = [
    ['.fjs-select-display', 'Select', 'Chọn…'],
    ['.fjs-dropdownlist-empty', 'No results', 'Không có mục nào'],
    ['.fjs-dropdownlist-empty', 'All values selected', 'Đã chọn hết']
  ];

  // Numbers as people here write them: 2.000.000.000, not 2000000000.
  function grouped(number) {
    return /^-?\d+$/.test(number) ? number.replace(/\B(?=(\d{3})+(?!\d))/g, '.') : number;
  }

  // The text node itself is changed, never replaced: the forms library keeps a reference to the node it
  // rendered and writes its next message into that node, so a replaced node left the old English text
  // beside the new Vietnamese one ("Bắt buộc nhập.Field is required.").
  function translate(textNode) {
    var text = (textNode.data || '').trim();
    for (var i = 0; i < MESSAGES.length; i++) {
      var match = MESSAGES[i][0].exec(text);
      if (match) {
        textNode.data = MESSAGES[i][1](match);
        return;
      }
    }
  }

  function translateWords(root) {
    WORDS.forEach(function (word) {
      var holders = root.matches && root.matches(word[0]) ? [root] : root.querySelectorAll(word[0]);
      holders.forEach(function (holder) {
        holder.childNodes.forEach(function (node) {
          if (node.nodeType === 3 && node.data.trim() === word[1]) {
            node.data = word[2];
          }
        });
      });
    });
  }

  function translateAll(root) {
    if (english || !root.querySelectorAll) {
      return;
    }
    translateWords(root);
    var errors = root.matches && root.matches('.fjs-form-field-error, .fjs-form-field-error *')
      ? [root] : root.querySelectorAll('.fjs-form-field-error');
    errors.forEach(function (error) {
      var walker = document.createTreeWalker(error, NodeFilter.SHOW_TEXT);
      for (var node = walker.nextNode(); node; node = walker.nextNode()) {
        translate(node);
      }
    });
  }

  // A number field reads "3.000.000.000" (dots grouping thousands, as people here write amounts) as no number at
  // all, and "3.000" as three: a cost of three billion was answered "the minimum is 100.000". On a desktop the
  // library drops typed dots, but pasted text and phone keyboards (which send no key codes) get through. Here a dot
  // is never the decimal sign (that is the comma), so before the library reads what was put in, the dots and
  // spaces go, also while a phone types 3.0 on the way to 3.000.000: the field holds the amount meant.
  document.addEventListener('input', function (event) {
    var input = event.target;
    if (!english && input && input.matches && input.matches('.fjs-form-field-number input.fjs-input')
        && /[. ]/.test(input.value)) {
      input.value = input.value.replace(/[. ]/g, '');
    }
  }, true);

  // Tasklist writes the server's refusal of a form (the task done meanwhile by someone else, a rule of ours) in a
  // notification at the top of the page, over the form and far from the button pressed. The refusal is shown in
  // the form's buttons row instead, and the notification closed. Only a notification that appears within a minute
  // of pressing a button of the form moves; the next press takes the old refusal away. A task's form has its
  // buttons in .form-actions; the start form (the listing) its start button in the dialog's footer.
  var BUTTONS = '.form-actions button, .modal-footer button[ng-click="startProcessInstance()"]';
  var REFUSALS = '.notifications .alert-danger, .notifications .alert-error';
  var pressed = null;

  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest(BUTTONS);
    if (!button) {
      return;
    }
    document.querySelectorAll(REFUSALS).forEach(function (alert) { alert.dataset.nbSeen = 'true'; });
    button.parentNode.querySelectorAll('.nb-refusal').forEach(function (old) { old.remove(); });
    pressed = { button: button, at: Date.now() };
  }, true);

  function showRefusalsAtTheButton() {
    if (!pressed || Date.now() - pressed.at > 60000 || !document.contains(pressed.button)) {
      return;
    }
    document.querySelectorAll(REFUSALS).forEach(function (alert) {
      var parts = ['.status', '.message'].map(function (part) {
        // the heading ends in a period or a colon of its own ("Không khởi tạo được quy trình."), the ': ' follows
        var text = ((alert.querySelector(part) || {}).textContent || '').trim();
        return part === '.status' ? text.replace(/[.:]+$/, '') : text;
      }).filter(function (part) { return part; });
      if (alert.dataset.nbSeen || !parts.length) {
        return;
      }
      alert.dataset.nbSeen = 'true';
      var text = parts.join(': ');
      var row = pressed.button.parentNode;
      var shown = Array.prototype.some.call(row.querySelectorAll('.nb-refusal'), function (refusal) {
        return refusal.textContent === text;
      });
      if (!shown) {
        var refusal = document.createElement('div');
        refusal.className = 'alert alert-danger nb-refusal';
        refusal.setAttribute('role', 'alert');
        refusal.textContent = text;
        row.insertBefore(refusal, row.firstChild);
      }
      // the notification's own close button (the alert widget's hidden one comes first)
      var close = alert.querySelector('button.close:not(.ng-hide)');
      if (close) {
        close.click();
      }
    });
  }

  new MutationObserver(function (mutations) {
    mutations.forEach(function (mutation) {
      translateAll(mutation.target.nodeType === 1 ? mutation.target : mutation.target.parentNode || document);
    });
    showRefusalsAtTheButton();
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
})();
