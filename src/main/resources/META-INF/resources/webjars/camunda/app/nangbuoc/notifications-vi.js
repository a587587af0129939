// Nâng Bước: Cockpit and Admin write an error they caught in its JavaScript form, "Error: <message>", into the
// notification (Cockpit's task dashboard: "Error: Bạn không có quyền thực hiện việc này."). The message is the
// server's Vietnamese sentence already; the English "Error: " in front of it goes. Imported by product.js, which
// every webapp's config.js loads, so it needs no entry of its own in the apps' lists of scripts.
if ((navigator.language || '').toLowerCase().indexOf('en') !== 0) {
  new MutationObserver(function () {
    document.querySelectorAll('.notifications .message').forEach(function (message) {
      message.childNodes.forEach(function (node) {
        if (node.nodeType === 3 && /^\s*Error: /.test(node.data)) {
          node.data = node.data.replace(/^\s*Error: /, '');
        }
      });
    });
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
}
