// A wait's end is written in UTC, which works without scripts; where this runs, the employee's own clock time is
// put first, with its zone as the browser names it in the page's language ("16:05 MEZ (15:05 UTC)"). Served by the
// portal itself, as the Content-Security-Policy ('self') asks.
(function () {
  'use strict';
  var lang = document.documentElement.lang || undefined;
  document.querySelectorAll('time.local-time[datetime]').forEach(function (el) {
    var when = new Date(el.getAttribute('datetime'));
    if (isNaN(when.getTime()) || el.getAttribute('data-local')) { return; }
    var local = when.toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
    var utc = el.textContent;
    el.setAttribute('data-local', local);
    if (when.getTimezoneOffset() !== 0) {
      el.textContent = local + ' (' + utc + ')';
    }
  });
}());
