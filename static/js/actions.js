// Calls to action, enhancement only: "Copy link" copies the action's address. Without this
// file the address stays in a read-only box to copy by hand.
(function () {
  "use strict";
  document.querySelectorAll("[data-copy-from]").forEach(function (button) {
    var input = document.getElementById(button.getAttribute("data-copy-from"));
    var status = button.closest(".share__copy").querySelector("[data-copy-status]");
    if (!input) {
      return;
    }
    button.addEventListener("click", function () {
      var done = function (message) {
        status.textContent = message;
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(input.value).then(
          function () { done(button.getAttribute("data-copied-text")); },
          function () { input.select(); done(button.getAttribute("data-copy-failed-text")); }
        );
      } else {
        input.select();
        done(button.getAttribute("data-copy-failed-text"));
      }
    });
  });
})();
