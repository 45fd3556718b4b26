// factcheck serve: progressive enhancement only. Every page works without this script.
"use strict";
(function () {
  const claimsList = document.getElementById("claims");
  const draft = document.getElementById("draft");
  if (!claimsList || !draft) return;

  const items = () => Array.from(claimsList.querySelectorAll("li.claim"));
  const marks = () => Array.from(draft.querySelectorAll("a.mark")).filter((m) => !m.classList.contains("dim"));

  function openClaim(id, focus) {
    const item = document.getElementById("c-" + id);
    if (!item) return;
    items().forEach((li) => li.classList.toggle("current", li === item));
    const details = item.querySelector("details");
    if (details) details.open = true;
    item.hidden = false;
    item.scrollIntoView({ block: "nearest" });
    if (focus) item.querySelector("summary").focus({ preventScroll: true });
  }

  // Clicking a highlighted claim opens its evidence beside the draft.
  draft.addEventListener("click", (event) => {
    const mark = event.target.closest("a.mark");
    if (!mark) return;
    event.preventDefault();
    setCurrentMark(mark);
    openClaim(mark.dataset.claim, false);
    history.replaceState(null, "", "#c-" + mark.dataset.claim);
  });

  // Filtering by label in place (the links also work without script, through the server).
  function applyFilter(label) {
    items().forEach((li) => { li.hidden = Boolean(label) && li.dataset.label !== label; });
    draft.querySelectorAll("a.mark").forEach((mark) => {
      const covering = mark.dataset.claims.split(" ").map((id) => document.getElementById("c-" + id));
      const shown = !label || covering.some((li) => li && li.dataset.label === label);
      mark.classList.toggle("dim", !shown);
    });
    document.querySelectorAll(".filters a").forEach((a) => {
      if (a.dataset.filter === label) a.setAttribute("aria-current", "true");
      else a.removeAttribute("aria-current");
    });
  }
  document.querySelectorAll(".filters a[data-filter]").forEach((link) => {
    link.addEventListener("click", (event) => {
      event.preventDefault();
      applyFilter(link.dataset.filter);
      const url = new URL(link.href);
      history.replaceState(null, "", url.pathname + url.search);
    });
  });

  // Keyboard: j / k (or n / p) move between claims in draft order, Enter opens, Escape closes.
  let current = -1;
  function setCurrentMark(mark) {
    const all = marks();
    current = all.indexOf(mark);
    all.forEach((m) => m.classList.toggle("current", m === mark));
  }
  function move(step) {
    const all = marks();
    if (!all.length) return;
    // Pieces of one claim follow each other: skip to the next claim, not the next piece.
    let index = current;
    const from = index >= 0 ? all[index].dataset.claim : null;
    do { index = (index + step + all.length) % all.length; } while (all[index].dataset.claim === from && index !== current);
    const mark = all[index];
    setCurrentMark(mark);
    mark.focus();
    openClaim(mark.dataset.claim, false);
  }
  document.addEventListener("keydown", (event) => {
    const target = event.target;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (target.closest && target.closest("input, textarea, select")) return;
    if (event.key === "j" || event.key === "n") { event.preventDefault(); move(1); }
    else if (event.key === "k" || event.key === "p") { event.preventDefault(); move(-1); }
    else if (event.key === "Escape") {
      claimsList.querySelectorAll("details[open]").forEach((d) => { d.open = false; });
    }
  });

  if (location.hash.startsWith("#c-")) openClaim(location.hash.slice(3), false);
})();
