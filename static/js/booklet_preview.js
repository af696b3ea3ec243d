// The booklet preview (issue #12): a section's list of projects, a project's section or the digest is
// loaded when its <details> is opened, and a group's lines of the register when its link is followed,
// from the same URL the link opens as a page of its own without JavaScript.
async function loadPart(url) {
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) throw new Error(String(response.status));
  return new DOMParser().parseFromString(await response.text(), "text/html");
}

document.addEventListener("toggle", async (event) => {
  const details = event.target;
  if (!(details instanceof HTMLDetailsElement) || !details.open || details.dataset.loaded) return;
  const link = details.querySelector(":scope > .lazy-body > a[data-fragment]");
  if (!link) return;
  details.dataset.loaded = "1";
  const body = details.querySelector(".lazy-body");
  body.setAttribute("aria-busy", "true");
  try {
    const page = await loadPart(link.href);
    const part = page.querySelector("#part [data-part], #part .project, #part #digest");
    if (!part) throw new Error("no part");
    body.replaceChildren(document.importNode(part, true));
  } catch (error) {
    delete details.dataset.loaded;
    body.insertAdjacentHTML("beforeend", '<p class="note" role="alert">โหลดไม่สำเร็จ กดลิงก์เพื่อเปิดเป็นหน้าใหม่</p>');
  } finally {
    body.removeAttribute("aria-busy");
  }
}, true);

document.addEventListener("click", async (event) => {
  const link = event.target instanceof Element && event.target.closest("a[data-rows]");
  if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
  event.preventDefault();
  const row = link.closest("tr");
  if (row.getAttribute("aria-busy")) return;
  row.setAttribute("aria-busy", "true");
  try {
    const rows = (await loadPart(link.href)).querySelector("#part tbody[data-rows]");
    if (!rows) throw new Error("no rows");
    row.replaceWith(...Array.from(rows.children, (tr) => document.importNode(tr, true)));
  } catch (error) {
    row.removeAttribute("aria-busy");
    if (!row.querySelector("[role=alert]")) {
      link.insertAdjacentHTML("afterend", ' <span class="note" role="alert">โหลดไม่สำเร็จ กดลิงก์อีกครั้งหรือเปิดเป็นหน้าใหม่</span>');
    }
  }
});
