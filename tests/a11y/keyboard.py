"""Keyboard helpers for real-browser tests: where the focus is, whether it is visible, Tab until a target.

WCAG 2.1 success criteria checked: 2.1.1 Keyboard, 2.1.2 No Keyboard Trap,
2.4.3 Focus Order, 2.4.7 Focus Visible (https://www.w3.org/TR/WCAG21/).
"""

# One call per key press: describes document.activeElement, remembers every
# element focused so far in window.__kipFocused (so two presses can be
# compared by identity, not by description), and reads the focus indicator
# from the computed style: an outline (style not "none", width > 0) or a
# box-shadow, as site.css draws it (a box-shadow of zero size or a transparent one does not count).
FOCUS_STATE = """async () => {
    // Styles that change on focus settle first: with prefers-reduced-motion, site.css makes every
    // transition 0.01 ms long (so every property transitions), and a style read at once can give
    // the value before the focus. Wait for the running transitions (at most 1 s).
    await new Promise(resolve => requestAnimationFrame(resolve));
    const transitions = document.getAnimations().filter(animation => animation instanceof CSSTransition);
    await Promise.race([
        Promise.all(transitions.map(animation => animation.finished.catch(() => null))),
        new Promise(resolve => setTimeout(resolve, 1000)),
    ]);
    const el = document.activeElement;
    window.__kipFocused = window.__kipFocused || [];
    let index = window.__kipFocused.indexOf(el);
    if (index < 0) { window.__kipFocused.push(el); index = window.__kipFocused.length - 1; }
    const describe = (node) => {
        if (!node) return "nothing";
        let text = node.tagName.toLowerCase();
        if (node.id) text += "#" + node.id;
        if (node.classList.length) text += "." + Array.from(node.classList).join(".");
        if (node.getAttribute("href")) text += ` href="${node.getAttribute("href")}"`;
        if (node.getAttribute("name")) text += ` name="${node.getAttribute("name")}"`;
        const label = (node.getAttribute("aria-label") || node.textContent || "").trim().replace(/\\s+/g, " ");
        if (label && node !== document.body && node.tagName !== "MAIN") text += ` "${label.slice(0, 50)}"`;
        return text;
    };
    const isBody = !el || el === document.body || el === document.documentElement;
    let indicator = null;
    let inViewport = false;
    if (!isBody) {
        const style = getComputedStyle(el);
        if (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) {
            indicator = `outline ${style.outlineWidth} ${style.outlineStyle} ${style.outlineColor}`;
        } else if (style.boxShadow !== "none" && !/^rgba\\([^)]*, 0\\) 0px 0px 0px( 0px)?$/.test(style.boxShadow)) {
            indicator = `box-shadow ${style.boxShadow}`;
        }
        const rect = el.getBoundingClientRect();
        inViewport = rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.right > 0 &&
            rect.top < window.innerHeight && rect.left < window.innerWidth;
    }
    // Elements with tabindex="-1" (the main content, a room's heading) take the focus from a
    // script or a link, but are not in the Tab order, so Shift+Tab does not come back to them.
    const tabbable = !isBody && el.tabIndex >= 0;
    return { index, description: describe(el), isBody, tabbable, indicator, inViewport };
}"""


def focus_state(page) -> dict:
    """The focused element: index (identity within this page), description, isBody, tabbable, indicator, inViewport."""
    return page.evaluate(FOCUS_STATE)


def assert_focus_visible(state: dict, context: str = "") -> None:
    """The focused element is a real element, on screen, with an outline or box-shadow (WCAG 2.4.7)."""
    where = f" ({context})" if context else ""
    assert not state["isBody"], f"the focus fell back to <body>{where}"
    assert state["inViewport"], f"the focused element is off screen{where}: {state['description']}"
    assert state["indicator"], f"the focused element has no visible focus indicator{where}: {state['description']}"


def matches(page, predicate: str, arg=None) -> bool:
    """`predicate` is a JS function body's expression over `el` (document.activeElement) and `arg`."""
    return page.evaluate(f"(arg) => {{ const el = document.activeElement; return Boolean({predicate}); }}", arg)


def tab_until(page, predicate: str, what: str, arg=None, backwards: bool = False, limit: int = 120) -> dict:
    """Press Tab (Shift+Tab when `backwards`) until the focused element satisfies `predicate`.

    `predicate` is a JavaScript expression over `el` (the focused element) and
    `arg`. At every stop the focus must be visible and must have moved to a
    different element (no trap); after each move the reverse key must go back
    to the previous element (when that one is in the Tab order) and the key return. Fails after `limit` presses,
    listing every element that had the focus. Returns the target's focus state.
    """
    key, reverse = ("Shift+Tab", "Tab") if backwards else ("Tab", "Shift+Tab")
    trail = []
    previous = focus_state(page)
    for _ in range(limit):
        page.keyboard.press(key)
        state = focus_state(page)
        trail.append(state["description"])
        listing = "\n  ".join(trail)
        assert state["index"] != previous["index"] or state["isBody"] != previous["isBody"], (
            f"{key} did not move the focus from {previous['description']} (keyboard trap) while looking for "
            f"{what}; focused:\n  {listing}"
        )
        assert_focus_visible(state, f"{key} while looking for {what}; focused so far:\n  {listing}")
        if previous["tabbable"]:
            # The way back: the reverse key returns to the previous element, and the key comes back here.
            page.keyboard.press(reverse)
            back = focus_state(page)
            assert back["index"] == previous["index"], (
                f"{reverse} from {state['description']} went to {back['description']}, "
                f"not back to {previous['description']}"
            )
            page.keyboard.press(key)
            assert focus_state(page)["index"] == state["index"], f"{key} did not return to {state['description']}"
        if matches(page, predicate, arg):
            return state
        previous = state
    listing = "\n  ".join(trail)
    raise AssertionError(f"{what} not reached after {limit} presses of {key}; focused in turn:\n  {listing}")
