/*
 * The document page: a link to one quote (#s-<statement id>) marks every piece of that quote
 * (a.span[data-claims] listing the statement) as current (class "current", aria-current) and
 * scrolls to its first piece; following another such link moves the mark.
 */
(function () {
  "use strict";

  function mark() {
    for (const old of document.querySelectorAll("a.span.current")) {
      old.classList.remove("current");
      old.removeAttribute("aria-current");
    }
    const match = /^#s-(.+)$/.exec(window.location.hash);
    if (!match) return;
    const statement = decodeURIComponent(match[1]);
    const pieces = [...document.querySelectorAll("a.span[data-claims]")]
      .filter((a) => a.dataset.claims.split(" ").includes(statement));
    for (const piece of pieces) {
      piece.classList.add("current");
      piece.setAttribute("aria-current", "location");
    }
    if (pieces.length) pieces[0].scrollIntoView({ block: "center" });
  }

  window.addEventListener("hashchange", mark);
  mark();
})();
