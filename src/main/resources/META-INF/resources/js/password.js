// Password fields: Show/Hide buttons, and a live checklist and strength answered by the portal's own policy (the
// same code that judges the form, at /password/rules), so the page never promises what the server refuses.
// The checklist's breach item is answered in that same request by the server's own breach screen (why there and not by
// a hash prefix sent from here: see PasswordRulesResource): one request per typing pause, never one per keystroke.
// Served by the portal itself (no CDN).
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
  var policy = document.getElementById('policy');
  if (!password || !meter || !label || !policy) { return; }
  document.getElementById('strength').hidden = false;
  var form = password.form;
  var current = document.getElementById('current');
  // on the expired-password page the username is typed in the same form: a password must not contain it either
  var username = document.getElementById('username');
  var labels = (policy.getAttribute('data-labels') || '').split('|');
  var rules = {};
  policy.querySelectorAll('li[data-rule]').forEach(function (item) {
    var state = document.createElement('span');
    state.className = 'rule-state';
    item.appendChild(document.createTextNode(' '));
    item.appendChild(state);
    rules[item.getAttribute('data-rule')] = { item: item, state: state };
  });
  // Each rule says "not yet" from the start, as it does once typing begins: the words the first key brings are
  // already on the page, so no line of the checklist wraps anew and nothing below it moves.
  function unmet() {
    Object.keys(rules).forEach(function (r) {
      rules[r].item.classList.remove('met');
      // the breach item says nothing until a password long enough to screen has an answer, and "different" says
      // nothing where the page cannot know the current password
      var silent = r === 'breach' || (r === 'different' && !current);
      rules[r].state.textContent = silent ? '' : policy.getAttribute('data-unmet');
    });
  }
  unmet();

  function mark(rule, met) {
    var r = rules[rule];
    if (!r) { return; }
    r.item.classList.toggle('met', met);
    // an item may say "not met" in its own words (the breach item: "found in a data breach")
    r.state.textContent = (!met && r.item.getAttribute('data-unmet')) || policy.getAttribute(met ? 'data-met' : 'data-unmet');
  }

  // clean or breached is known; unavailable is said as such, never as clean; unchecked (too short) or off says nothing
  function markBreach(outcome) {
    var r = rules.breach;
    if (!r) { return; }
    if (outcome === 'clean' || outcome === 'breached') {
      mark('breach', outcome === 'clean');
      return;
    }
    r.item.classList.remove('met');
    r.state.textContent = outcome === 'unavailable' ? r.item.getAttribute('data-unknown') : '';
  }

  var pending;
  var asked = 0;
  function ask() {
    var value = password.value;
    var mine = asked;
    if (!value) {
      meter.value = 0;
      label.textContent = '';
      unmet();
      return;
    }
    // only where the current password is typed in the form: elsewhere the page cannot know it, and says nothing
    if (current) { markDifferent(); }
    label.textContent = policy.getAttribute('data-checking');
    var body = new URLSearchParams();
    form.querySelectorAll('input[type=hidden]').forEach(function (h) { body.append(h.name, h.value); });
    body.append('password', value);
    body.append('words', (password.getAttribute('data-words') || '') + (username ? ' ' + username.value : ''));
    fetch('/password/rules', { method: 'POST', body: body, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (answer) {
        if (!answer || mine !== asked) { return; }
        mark('length', answer.length);
        mark('complex', answer.complex);
        mark('guessable', answer.guessable);
        markBreach(answer.breach);
        // a password the server would refuse is never shown as good or strong, however long it is
        var s = answer.length ? Math.max(1, answer.acceptable ? answer.score : Math.min(answer.score, 1)) : 0;
        meter.value = s;
        label.textContent = labels[s] || '';
      })
      .catch(function () { label.textContent = ''; });
  }
  // debounced: a request only once typing has paused for 250 ms. Each keystroke forgets any answer still on its way
  // and the breach verdict shown, so that a verdict never stands beside a password it was not given for.
  password.addEventListener('input', function () {
    clearTimeout(pending);
    asked++;
    markBreach('unchecked');
    pending = setTimeout(ask, 250);
  });
  // different from the current password: only once the current one is typed too, since an empty one tells nothing
  function markDifferent() { mark('different', current.value !== '' && password.value !== current.value); }
  if (current) { current.addEventListener('input', function () { if (password.value) { markDifferent(); } }); }

  // The two new passwords compared as they are typed (the server compares them again on submit). While the second is
  // still the start of the first, nothing is said yet; once it goes astray, or is as long, the line says which.
  var confirm = document.getElementById('confirm');
  var match = document.getElementById('confirm-match');
  if (!confirm || !match) { return; }
  function compare(done) {
    var first = password.value;
    var second = confirm.value;
    var verdict = '';
    if (second) {
      if (first === second) {
        verdict = 'same';
      } else if (done || second.length >= first.length || first.indexOf(second) !== 0) {
        verdict = 'differ';
      }
    }
    if (verdict === (match.getAttribute('data-verdict') || '')) { return; } // said once, not again on every key
    match.setAttribute('data-verdict', verdict);
    match.className = 'match' + (verdict ? ' ' + verdict : '');
    match.textContent = verdict ? match.getAttribute('data-' + verdict) : '';
    if (verdict === 'differ') {
      confirm.setAttribute('aria-invalid', 'true');
    } else {
      confirm.removeAttribute('aria-invalid');
    }
  }
  confirm.addEventListener('input', function () { compare(false); });
  confirm.addEventListener('change', function () { compare(true); });
  password.addEventListener('input', function () { if (confirm.value) { compare(false); } });
}());
