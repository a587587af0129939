// Nâng Bước: the Camunda Forms library in Tasklist writes its field checks in English only. This
// replaces those messages with Vietnamese ones as they appear (unless the browser asks for English).
(function () {
  if ((navigator.language || '').toLowerCase().indexOf('en') === 0) {
    return;
  }
  var MESSAGES = [
    [/^Field is required\.$/, function () { return 'Bắt buộc nhập.'; }],
    [/^Field must match pattern .*\.$/, function () { return 'Không đúng định dạng, xem hướng dẫn dưới ô nhập.'; }],
    [/^Field must have minimum length of (\d+)\.$/, function (m) { return 'Cần ít nhất ' + m[1] + ' ký tự.'; }],
    [/^Field must have maximum length of (\d+)\.$/, function (m) { return 'Không được quá ' + m[1] + ' ký tự.'; }],
    [/^Field must have minimum value of (.+)\.$/, function (m) { return 'Giá trị nhỏ nhất là ' + grouped(m[1]) + '.'; }],
    [/^Field must have maximum value of (.+)\.$/, function (m) { return 'Giá trị lớn nhất là ' + grouped(m[1]) + '.'; }],
    [/^Field must be a valid email\.$/, function () { return 'Địa chỉ thư điện tử không hợp lệ.'; }],
    [/^Value must be a number\.$/, function () { return 'Phải là một số.'; }],
    [/^Value is expected to (?:be an integer|have at most .* decimal digits?)\.$/, function () { return 'Phải là số nguyên.'; }],
    [/^Please select a valid value.*$/, function () { return 'Hãy nhập một giá trị hợp lệ.'; }]
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

  function translateAll(root) {
    if (!root.querySelectorAll) {
      return;
    }
    var errors = root.matches && root.matches('.fjs-form-field-error, .fjs-form-field-error *')
      ? [root] : root.querySelectorAll('.fjs-form-field-error');
    errors.forEach(function (error) {
      var walker = document.createTreeWalker(error, NodeFilter.SHOW_TEXT);
      for (var node = walker.nextNode(); node; node = walker.nextNode()) {
        translate(node);
      }
    });
  }

  new MutationObserver(function (mutations) {
    mutations.forEach(function (mutation) {
      translateAll(mutation.target.nodeType === 1 ? mutation.target : mutation.target.parentNode || document);
    });
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
})();
