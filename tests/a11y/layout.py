"""Small screens, zoom and the phone header, measured on a page already loaded (tests/a11y/test_axe_audit.py).

Small screens and zoom (WCAG 2.1 1.4.4 Resize Text, 1.4.10 Reflow): no sideways scrolling, no control cut off.

Two sizes, in CSS pixels:

- 320 px wide: WCAG 1.4.10 Reflow's width (1280 px at 400 % zoom), a small phone.
- 640 × 400 px at a device scale factor of 2: a 1280 × 800 window zoomed to 200 %
  (WCAG 1.4.4). Browser zoom divides the viewport's CSS pixels by the zoom factor and
  multiplies the device pixels per CSS pixel by it, so the page lays out exactly as in this
  viewport. Playwright cannot set the zoom level, nor the scale factor of an open page:
  `emulate()` sets them through Chromium's DevTools protocol, as zooming a window resizes it.

On each page: document.documentElement.scrollWidth <= clientWidth (the page body does not
scroll sideways), and every rendered link, button, input and select in the header, main
content and footer lies within the viewport's width.

The phone header (issue 18), on a 375 × 812 touch screen: the content starts within 200 px of
the top, the languages take one line, the menu and search box are folded behind the Menu
button, and nothing scrolls sideways.
"""

PHONE = {"width": 375, "height": 812, "deviceScaleFactor": 1}
MAX_HEADER = 200  # px: content starts within 200 px of the top of a 375 × 812 screen
SIZES = {
    "320px": {"width": 320, "height": 640, "deviceScaleFactor": 1},
    "1280px-at-200%": {"width": 640, "height": 400, "deviceScaleFactor": 2},
}

# Sideways overflow of the page and of each control, measured in the page.
LAYOUT = """() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const selector = ["header", "main", "footer"].flatMap(
        area => ["a", "button", "input", "select"].map(control => `${area} ${control}`)).join(", ");
    const cut = [];
    for (const el of document.querySelectorAll(selector)) {
        const rect = el.getBoundingClientRect();
        if (rect.width === 0 || rect.height === 0 || getComputedStyle(el).visibility === "hidden") continue;
        if (rect.left < -0.5 || rect.right > width + 0.5) {
            const label = el.textContent || el.getAttribute("aria-label") || el.name || "";
            const text = label.trim().replace(/\\s+/g, " ");
            cut.push(`${el.outerHTML.split(">")[0]}> "${text.slice(0, 40)}" spans x = ` +
                     `${Math.round(rect.left)}..${Math.round(rect.right)} of ${width}`);
        }
    }
    return { scrollWidth: root.scrollWidth, clientWidth: width, innerWidth: window.innerWidth,
             devicePixelRatio: window.devicePixelRatio, cut };
}"""

# Two animation frames: the page's resize and media-query listeners have run.
SETTLE = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def emulate(cdp, metrics: dict, phone: bool = False) -> None:
    """The page's viewport and device scale factor, as a resized or zoomed window has them, or a phone's
    (Playwright's is_mobile and has_touch do the same through the same protocol)."""
    cdp.send("Emulation.setDeviceMetricsOverride", {**metrics, "mobile": phone})
    cdp.send("Emulation.setTouchEmulationEnabled", {"enabled": phone, "maxTouchPoints": 1})


def phone_header_problems(page, where: str) -> tuple[int, list[str]]:
    """The top of `main` in px, and what is wrong with the header, on a page loaded at PHONE."""
    assert page.evaluate("() => [innerWidth, matchMedia('(pointer: coarse)').matches]") == [PHONE["width"], True]
    top = round(page.evaluate("() => document.querySelector('main').getBoundingClientRect().top"))
    problems = []
    if top > MAX_HEADER:
        problems.append(f"{where}: on a phone, content starts {top} px from the top")
    tops = page.evaluate(
        "() => [...document.querySelectorAll('.language-switcher__list > li')]"
        ".map(li => li.getBoundingClientRect().top)"
    )
    if len(set(tops)) != 1:
        problems.append(f"{where}: on a phone, the languages take {len(set(tops))} lines")
    if page.is_visible(".main-nav") or page.is_visible("#site-search"):
        problems.append(f"{where}: on a phone, the menu is open before the button is pressed")
    if not page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"):
        problems.append(f"{where}: on a phone, the page scrolls sideways")
    return top, problems


def layout_problems(page, where: str, size: str) -> list[str]:
    """What scrolls sideways or is cut off on the page at `size` (already emulated)."""
    page.evaluate(SETTLE)
    layout = page.evaluate(LAYOUT)
    expected = SIZES[size]
    assert (layout["innerWidth"], layout["devicePixelRatio"]) == (expected["width"], expected["deviceScaleFactor"])
    where = f"{where} at {size}"
    problems = []
    if layout["scrollWidth"] > layout["clientWidth"]:
        problems.append(
            f"{where}: the page scrolls sideways "
            f"(scrollWidth {layout['scrollWidth']} > clientWidth {layout['clientWidth']} CSS px)"
        )
    return problems + [f"{where}: cut off: {element}" for element in layout["cut"]]
