// «Нашли ошибку? Сообщите нам»: Ctrl+Enter on a selected text (or the footer's link, after selecting) opens the dialog
// that sends the text, the page's address and a comment to the editors. Without this script, or without a selection,
// the footer's link opens the feedback form with the page's address filled in.
(function () {
  "use strict";
  var link = document.getElementById("error-report-link");
  var dialog = document.getElementById("error-report");
  if (!link || !dialog || typeof dialog.showModal !== "function" || !window.fetch) return;
  var quote = document.getElementById("error-report-selected");
  var comment = document.getElementById("error-report-comment");
  var status = document.getElementById("error-report-status");
  var send = document.getElementById("error-report-send");
  var close = document.getElementById("error-report-close");
  var reportUrl = link.getAttribute("data-report-url");
  var MAX = 1000;
  var lastSelection = "";
  var returnTo = null;
  var busy = false;

  function selectedText() {
    var selection = window.getSelection ? window.getSelection() : null;
    if (!selection || selection.isCollapsed) return "";
    if (dialog.contains(selection.anchorNode)) return "";
    return selection.toString().replace(/\s+/g, " ").trim().slice(0, MAX);
  }

  document.addEventListener("selectionchange", function () {
    var text = selectedText();
    if (text) lastSelection = text;
  });

  function open(text) {
    returnTo = document.activeElement;
    quote.textContent = text;
    comment.value = "";
    status.textContent = "";
    dialog.showModal();
    comment.focus();
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey) || dialog.open) return;
    var text = selectedText();
    if (!text) return;
    event.preventDefault();
    open(text);
  });

  link.addEventListener("click", function (event) {
    var text = selectedText() || lastSelection;
    if (!text) return; // nothing selected: the feedback form, with this page's address
    event.preventDefault();
    open(text);
  });

  dialog.addEventListener("close", function () {
    if (returnTo && typeof returnTo.focus === "function") returnTo.focus();
  });
  close.addEventListener("click", function () {
    dialog.close();
  });

  function say(name) {
    status.textContent = status.getAttribute("data-" + name);
  }

  send.addEventListener("click", function () {
    if (busy) return;
    busy = true;
    send.setAttribute("aria-disabled", "true");
    fetch(reportUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error("token");
        return response.json();
      })
      .then(function (data) {
        var body = new FormData();
        body.append("selected", quote.textContent);
        body.append("page", window.location.pathname + window.location.search);
        body.append("comment", comment.value);
        return fetch(reportUrl, {
          method: "POST",
          credentials: "same-origin",
          headers: { "X-CSRFToken": data.csrf, Accept: "application/json" },
          body: body,
        });
      })
      .then(function (response) {
        if (response.status === 201) {
          say("sent");
          lastSelection = "";
        } else {
          say(response.status === 429 ? "limited" : "failed");
        }
      })
      .catch(function () {
        say("failed");
      })
      .then(function () {
        busy = false;
        send.removeAttribute("aria-disabled");
      });
  });
})();
