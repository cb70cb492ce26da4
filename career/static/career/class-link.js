// The teacher's private link is …/klass/otkryt/#CODE.KEY. Browsers never send the part after «#», so no
// access log, proxy or Referer header holds the key: this script puts it into the page's form and posts it,
// as the teacher could by hand. The form's address keeps the «#…», so the picture that comes back stays at
// the private link and can be bookmarked as it is. Coming back to this page (the Back button) shows the
// form instead of sending it again, so that Back still leads away.
(function () {
  "use strict";
  var form = document.getElementById("class-open");
  var link = /^#([A-Za-z0-9]{1,12})\.([A-Za-z0-9_-]{1,100})$/.exec(window.location.hash);
  if (!form || !form.hasAttribute("data-from-link") || !link) return;
  form.elements.code.value = link[1];
  form.elements.key.value = link[2];
  if (window.history.state && window.history.state.classLinkSent) return;
  window.history.replaceState({ classLinkSent: true }, "");
  form.action = form.getAttribute("action") + window.location.hash;
  form.submit();
})();
