/*
 * The claim page's "Cite this" box: the Copy button (button[data-testid=cite-copy]) copies the
 * citation text (textarea[data-testid=cite-text]) and says so in [data-testid=cite-status]; where
 * the clipboard is not available it selects the text, for the reader to copy.
 */
(function () {
  "use strict";

  const button = document.querySelector("[data-testid=cite-copy]");
  const text = document.querySelector("[data-testid=cite-text]");
  const status = document.querySelector("[data-testid=cite-status]");
  if (!button || !text) return;

  button.addEventListener("click", async () => {
    text.select();
    try {
      await navigator.clipboard.writeText(text.value);
      status.textContent = "Copied.";
    } catch (error) {
      status.textContent = "Selected: copy it with Ctrl+C or ⌘C.";
    }
  });
})();
