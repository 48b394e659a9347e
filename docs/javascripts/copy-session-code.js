// The copy button of a ">>>" session copies what a reader can run: the code, without the
// prompts and without the printed output (the same rule as site_tools.reader.doctest_code).
// Without JavaScript, or on any other block, the button copies the block as it is shown.
(function () {
  "use strict";

  var PROMPT = /^\s*(?:>>>|\.\.\.)(?: |$)/;

  function sessionCode(text) {
    var lines = text.split("\n");
    if (!lines.some(function (line) { return /^\s*>>>(?: |$)/.test(line); })) return null;
    return lines
      .filter(function (line) { return PROMPT.test(line); })
      .map(function (line) { return line.replace(PROMPT, ""); })
      .join("\n") + "\n";
  }

  // Capture phase: this runs before Material's clipboard handler reads data-clipboard-text.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button[data-clipboard-target]");
    if (!button) return;
    var code = document.querySelector(button.getAttribute("data-clipboard-target"));
    var copied = code && sessionCode(code.textContent);
    if (copied !== null && copied !== undefined) button.setAttribute("data-clipboard-text", copied);
  }, true);
})();
