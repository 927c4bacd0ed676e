// The search box of every page: suggestions (entities and documents) from /search/suggest as one types;
// arrow keys move through them, Enter opens the one chosen (or the results page, while the suggestions shown are still
// those of an earlier text), Escape closes them.
(function () {
  "use strict";
  const input = document.querySelector("header.site form.search input[name=q]");
  if (!input) return;
  const list = document.createElement("ul");
  list.className = "suggestions";
  list.id = "search-suggestions";
  list.setAttribute("role", "listbox");
  list.setAttribute("data-testid", "suggestions");
  list.hidden = true;
  input.after(list);
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-autocomplete", "list");
  let timer = null;
  let asked = 0;
  let chosen = -1;

  function links() { return Array.from(list.querySelectorAll("a")); }

  function choose(index) {
    const all = links();
    chosen = all.length ? (index + all.length) % all.length : -1;
    all.forEach((a, i) => a.setAttribute("aria-selected", String(i === chosen)));
  }

  // items: the suggestions for the text q; the list says which text it answers (data-query), so that Enter does not
  // open a suggestion for an earlier text while the answer for the current one is still on its way
  function show(items, q) {
    list.replaceChildren();
    list.dataset.query = q;
    chosen = -1;
    for (const item of items) {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = item.url;
      a.setAttribute("role", "option");
      a.setAttribute("data-testid", "suggestion");
      a.textContent = item.label;
      const note = document.createElement("span");
      note.className = "muted";
      note.textContent = (item.matched ? " · as " + item.matched : "") + (item.note ? " · " + item.note : "");
      a.append(note);
      li.append(a);
      list.append(li);
    }
    list.hidden = items.length === 0;
  }

  async function ask() {
    const q = input.value;
    const mine = ++asked;
    if (!q.trim()) { show([], q); return; }
    try {
      const response = await fetch(input.dataset.suggest + "?q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } });
      if (!response.ok || mine !== asked) return;
      show(await response.json(), q);
    } catch (e) {
      show([], q);  // no suggestions; the form still searches
    }
  }

  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(ask, 120); });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (list.hidden) return;
      event.preventDefault();
      choose(chosen + (event.key === "ArrowDown" ? 1 : -1));
    } else if (event.key === "Enter" && chosen >= 0 && list.dataset.query === input.value) {
      event.preventDefault();
      window.location.href = links()[chosen].href;
    } else if (event.key === "Escape") {
      show([], input.value);
    }
  });
  document.addEventListener("click", (event) => { if (!list.contains(event.target) && event.target !== input) show([], input.value); });
})();
