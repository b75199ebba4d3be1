// Password fields: show/hide toggles and a strength hint, served by the portal itself (no CDN).
// The hint only helps while typing; the portal checks the real policy on the server.
(function () {
  'use strict';
  // Show/Hide buttons exist only where the script runs (without it they could do nothing). Each is named after its
  // field ("Show New password") and says what pressing it does next.
  document.querySelectorAll('.secret').forEach(function (box) {
    var input = box.querySelector('input');
    if (!input) { return; }
    var label = document.querySelector('label[for="' + input.id + '"]');
    var field = label ? label.textContent.trim() : input.name;
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'toggle';
    button.setAttribute('aria-controls', input.id);
    function render() {
      var hidden = input.type === 'password';
      button.textContent = box.getAttribute(hidden ? 'data-show' : 'data-hide');
      button.setAttribute('aria-label', box.getAttribute(hidden ? 'data-show-named' : 'data-hide-named').replace('%s', field));
    }
    button.addEventListener('click', function () {
      input.type = input.type === 'password' ? 'text' : 'password';
      render();
    });
    render();
    box.appendChild(button);
  });

  var password = document.getElementById('password');
  var meter = document.getElementById('strength-meter');
  var label = document.getElementById('strength-label');
  if (!password || !meter || !label) { return; }
  document.getElementById('strength').hidden = false;
  var minLength = parseInt(password.getAttribute('data-min-length') || '15', 10);
  var words = (password.getAttribute('data-words') || '').toLowerCase().split(/[\s@._-]+/)
    .filter(function (w) { return w.length >= 3; });
  var labels = ['too short', 'weak', 'fair', 'good', 'strong'];

  function score(value) {
    var length = Array.from(value.normalize('NFKC')).length;
    if (length < minLength) { return 0; }
    var lower = value.toLowerCase();
    if (words.some(function (w) { return lower.indexOf(w) >= 0; })) { return 1; }
    var kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter(function (r) { return r.test(value); }).length;
    var distinct = new Set(Array.from(lower)).size;
    if (distinct < 6) { return 1; }
    var s = 2 + (length >= minLength + 5 ? 1 : 0) + (kinds >= 3 || length >= 24 ? 1 : 0);
    return Math.min(4, s);
  }

  function update() {
    var s = password.value ? score(password.value) : 0;
    meter.value = s;
    label.textContent = password.value ? labels[s] : '';
  }
  password.addEventListener('input', update);
  update();
}());
