// The result lives in the browser: the results page remembers its own link in localStorage, and the start
// page offers it back. Nothing is sent anywhere; without JavaScript the share link does the same job.
(function () {
  "use strict";
  var KEY = "career.lastResult";
  try {
    var mark = document.querySelector("[data-career-url]");
    if (mark) {
      window.localStorage.setItem(KEY, mark.getAttribute("data-career-url"));
      return;
    }
    var saved = window.localStorage.getItem(KEY);
    var box = document.getElementById("career-last");
    if (saved && box && /^https?:\/\//.test(saved)) {
      var url = new URL(saved);
      if (url.origin !== window.location.origin) return;
      document.getElementById("career-last-link").href = url.pathname + url.search;
      box.hidden = false;
    }
  } catch (error) {
    // Storage may be disabled (private mode): the share link still works.
  }
})();
