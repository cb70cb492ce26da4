/* The main menu is a <details> disclosure and works without this script. The script adds what a menu button is
   expected to do besides: Escape closes it and returns focus to the button; a click or focus outside closes it. */
(function () {
  "use strict";
  var menu = document.querySelector(".main-nav__disclosure");
  if (!menu) { return; }
  var button = menu.querySelector("summary");

  menu.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && menu.open) {
      menu.open = false;
      button.focus();
    }
  });
  document.addEventListener("click", function (event) {
    if (menu.open && !menu.contains(event.target)) { menu.open = false; }
  });
  document.addEventListener("focusin", function (event) {
    if (menu.open && !menu.contains(event.target)) { menu.open = false; }
  });
}());
