// Progressive enhancement only: every feature works without this file.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // The site menu is a <details> that folds on phones; wide screens always show it, also in
  // browsers that cannot un-fold it with CSS (::details-content).
  var menu = document.querySelector("[data-site-menu]");
  var wide = window.matchMedia ? window.matchMedia("(min-width: 48em)") : null;
  function showMenuWhenWide() { if (menu && wide && wide.matches) { menu.open = true; } }
  showMenuWhenWide();
  if (wide && wide.addEventListener) { wide.addEventListener("change", showMenuWhenWide); }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // Older browsers and plain-HTTP sites: copy through a temporary selection.
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "visually-hidden";
      document.body.appendChild(area);
      area.select();
      var ok = document.execCommand("copy");
      document.body.removeChild(area);
      if (ok) { resolve(); } else { reject(new Error("copy failed")); }
    });
  }

  // "Copy citation" / "Copy link": copies the exact text of the target element. The messages
  // come from the button's data-copied-text / data-copy-failed-text, in the page's language.
  document.querySelectorAll("[data-copy-target]").forEach(function (button) {
    var target = document.getElementById(button.getAttribute("data-copy-target"));
    var status = button.parentElement.querySelector("[role=status]");
    if (!target) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      copyText(target.textContent).then(
        function () { if (status) { status.textContent = button.getAttribute("data-copied-text"); } },
        function () { if (status) { status.textContent = button.getAttribute("data-copy-failed-text"); } }
      );
    });
  });
})();
