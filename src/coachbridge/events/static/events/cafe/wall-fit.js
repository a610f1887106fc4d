// A wall display cannot be scrolled: when the name list is longer than the screen, make the
// list smaller until the whole board fits. First the type shrinks a little; if that is not
// enough the theme lines go (the table number stays) and the type may shrink further. The
// first setting that fits is kept. Runs again after every refresh and resize.
(function () {
  "use strict";
  var WITH_THEMES = [100, 90, 80, 70];
  var COMPACT = [100, 90, 80, 70, 60, 50];

  function fits() {
    return document.documentElement.scrollHeight <= window.innerHeight + 1;
  }

  function fit() {
    var list = document.querySelector(".wall-list");
    if (!list) return;
    var settings = WITH_THEMES.map(function (size) { return [size, false]; }).concat(
      COMPACT.map(function (size) { return [size, true]; }));
    for (var i = 0; i < settings.length; i++) {
      list.style.fontSize = settings[i][0] + "%";
      list.classList.toggle("wall-list-compact", settings[i][1]);
      if (fits()) return;
    }
  }

  document.addEventListener("DOMContentLoaded", fit);
  document.addEventListener("htmx:afterSettle", fit);
  window.addEventListener("resize", fit);
})();
