// The booklet preview (issue #12): a project's section, or the digest, is loaded when its <details> is
// opened, from the same URL its link opens without JavaScript; the loaded part replaces the link.
document.addEventListener("toggle", async (event) => {
  const details = event.target;
  if (!(details instanceof HTMLDetailsElement) || !details.open || details.dataset.loaded) return;
  const link = details.querySelector("a[data-fragment]");
  if (!link) return;
  details.dataset.loaded = "1";
  const body = details.querySelector(".lazy-body");
  body.setAttribute("aria-busy", "true");
  try {
    const response = await fetch(link.href, { credentials: "same-origin" });
    if (!response.ok) throw new Error(String(response.status));
    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    const part = page.querySelector("#part .project, #part #digest");
    if (!part) throw new Error("no part");
    body.replaceChildren(document.importNode(part, true));
  } catch (error) {
    delete details.dataset.loaded;
    body.insertAdjacentHTML("beforeend", '<p class="note" role="alert">โหลดไม่สำเร็จ กดลิงก์เพื่อเปิดเป็นหน้าใหม่</p>');
  } finally {
    body.removeAttribute("aria-busy");
  }
}, true);
