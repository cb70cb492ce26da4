/* The version for the visually impaired: remember whether its settings are folded. The panel is a <details>
   disclosure; this posts its new state to the settings view (the cookie is the server's, HttpOnly) so the next page
   arrives folded or unfolded as the visitor left it. Without the script the panel still opens and closes. */
(function () {
  "use strict";
  var panel = document.querySelector(".a11y-panel__settings");
  if (!panel || !window.fetch) { return; }
  panel.addEventListener("toggle", function () {
    var body = new URLSearchParams({ panel: panel.open ? "open" : "closed", next: "/" });
    fetch(panel.getAttribute("data-remember-url"), { method: "POST", body: body, redirect: "manual", credentials: "same-origin" });
  });
}());
