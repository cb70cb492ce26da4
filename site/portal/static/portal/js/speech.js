// Reading aloud for the version for the visually impaired: reads the selected text, or the element that
// receives focus, with the browser's speech synthesis. Loaded only when the visitor turned speech on.
(function () {
  if (!("speechSynthesis" in window)) return;
  var lang = document.documentElement.lang === "en" ? "en-GB" : "ru-RU";
  function say(text) {
    text = (text || "").trim().slice(0, 2000);
    if (!text) return;
    window.speechSynthesis.cancel();
    var utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = lang;
    window.speechSynthesis.speak(utterance);
  }
  document.addEventListener("mouseup", function () { say(String(window.getSelection())); });
  document.addEventListener("focusin", function (event) {
    var el = event.target;
    say(el.getAttribute("aria-label") || el.innerText || el.value || el.alt);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") window.speechSynthesis.cancel();
  });
})();
