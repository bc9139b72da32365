/* Keep in Pact virtual tours: starts Pannellum on a tour or scene page.
 *
 * Reads the configuration the server built for the page's language
 * (<script id="tour-config">, see tours/viewer.py). Without JavaScript, or
 * when Pannellum is missing, the page works on its own: each scene page shows
 * its panorama flat, its description and its hotspots as links and details.
 *
 * With it: moving between rooms needs no page load; the address, the title,
 * the room's text and hotspot list and the language switcher follow the room
 * (history.pushState; Back and Forward work). The hotspot list under the
 * viewer is the accessible layer: Pannellum's hotspots are not focusable, the
 * list's links and details are. Auto-rotation is off for visitors who prefer
 * reduced motion, and can be paused. Phones get a panorama at most
 * `phoneMaxWidth` px wide.
 */
(function () {
    "use strict";

    var configElement = document.getElementById("tour-config");
    var root = document.querySelector("[data-tour]");
    if (!configElement || !root || !window.pannellum) {
        return;
    }
    var data = JSON.parse(configElement.textContent);
    /* Addresses made absolute once, while the page's address is still its own: moving between rooms
     * changes it (pushState), and a relative address (the static archive's) would then be read from
     * the wrong folder. On the live site they are root-relative and stay the same. */
    function absolute(url) {
        return url ? new URL(url, document.baseURI).href : url;
    }
    document.querySelectorAll("a[href]").forEach(function (link) {
        if (link.getAttribute("href").charAt(0) !== "#") {
            link.setAttribute("href", link.href);
        }
    });
    document.querySelectorAll("form[action]").forEach(function (form) {
        form.setAttribute("action", form.action);
    });
    Object.keys(data.scenes).forEach(function (key) {
        var scene = data.scenes[key];
        scene.url = absolute(scene.url);
        scene.panoramas.forEach(function (panorama) {
            panorama.url = absolute(panorama.url);
        });
        Object.keys(scene.alternates || {}).forEach(function (code) {
            scene.alternates[code] = absolute(scene.alternates[code]);
        });
    });
    var strings = data.strings;
    var stage = root.querySelector("[data-tour-stage]");
    var announcer = root.querySelector("[data-tour-announcer]");
    var reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");
    if (!data.firstScene || !data.scenes[data.firstScene]) {
        return;
    }

    function maxTextureSize() {
        try {
            var canvas = document.createElement("canvas");
            var gl = canvas.getContext("webgl") || canvas.getContext("experimental-webgl");
            if (!gl) {
                return 0;
            }
            var size = gl.getParameter(gl.MAX_TEXTURE_SIZE);
            var lose = gl.getExtension("WEBGL_lose_context");
            if (lose) {
                lose.loseContext();
            }
            return size;
        } catch (error) {
            return 0;
        }
    }

    function isPhone() {
        // A phone-sized screen (CSS pixels) or a touch-first small device.
        return Math.min(window.screen.width, window.screen.height) < 768;
    }

    var textureLimit = maxTextureSize();

    /* The widest rendition this device should load: phones at most
     * phoneMaxWidth px (about 2.5 MB at most), desktops as wide as WebGL
     * allows, 2048 px when the visitor asked to save data. */
    function chooseRendition(panoramas) {
        if (!panoramas.length) {
            return "";
        }
        var limit = isPhone() ? data.phoneMaxWidth : Infinity;
        if (textureLimit) {
            limit = Math.min(limit, textureLimit);
        }
        if (navigator.connection && navigator.connection.saveData) {
            limit = Math.min(limit, 2048);
        }
        var chosen = panoramas[0];
        panoramas.forEach(function (panorama) {
            if (panorama.width <= limit) {
                chosen = panorama;
            }
        });
        return chosen.url;
    }

    function hotspotItem(id) {
        return document.getElementById("hotspot-" + id);
    }

    function openHotspot(event, id) {
        var item = hotspotItem(id);
        if (!item) {
            return;
        }
        var details = item.querySelector("details");
        if (details) {
            details.open = true;
        }
        item.scrollIntoView({ block: "nearest", behavior: reducedMotion.matches ? "auto" : "smooth" });
        var target = details ? details.querySelector("summary") : item.querySelector("a, button");
        if (target) {
            target.focus({ preventScroll: true });
        }
    }

    var scenes = {};
    Object.keys(data.scenes).forEach(function (key) {
        var scene = data.scenes[key];
        scenes[key] = {
            type: "equirectangular",
            panorama: chooseRendition(scene.panoramas),
            title: scene.title,
            yaw: scene.yaw,
            pitch: scene.pitch,
            hfov: scene.hfov,
            northOffset: scene.northOffset,
            hotSpots: scene.hotSpots.map(function (hotspot) {
                var config = {
                    id: hotspot.id,
                    pitch: hotspot.pitch,
                    yaw: hotspot.yaw,
                    text: hotspot.text
                };
                if (hotspot.kind === "scene") {
                    config.type = "scene";
                    config.sceneId = hotspot.sceneId;
                } else {
                    config.type = "info";
                    config.clickHandlerFunc = openHotspot;
                    config.clickHandlerArgs = hotspot.id;
                }
                return config;
            })
        };
    });

    var reduce = reducedMotion.matches;
    stage.hidden = false;
    var viewer = window.pannellum.viewer("tour-panorama", {
        default: {
            firstScene: data.firstScene,
            autoLoad: true,
            compass: true,
            minHfov: 30,
            maxHfov: 120,
            sceneFadeDuration: reduce ? 0 : 600,
            autoRotate: reduce ? false : data.autoRotate,
            autoRotateInactivityDelay: reduce ? -1 : data.autoRotateInactivityDelay,
            strings: strings,
            // Pannellum's default keys without Shift (16) and Ctrl (17), which zoom: Shift+Tab out of
            // the view would zoom it, and Ctrl shortcuts would be swallowed. + and − still zoom.
            capturedKeyNumbers: [27, 37, 38, 39, 40, 61, 65, 68, 83, 87, 107, 109, 173, 187, 189]
        },
        scenes: scenes
    });

    var currentKey = data.firstScene;

    function announce(text) {
        announcer.textContent = "";
        window.setTimeout(function () {
            announcer.textContent = text;
        }, 50);
    }

    /* Show the text of room `key` and update the address, the title and the
     * language switcher. Does not touch the viewer. */
    function showScene(key, options) {
        var scene = data.scenes[key];
        currentKey = key;
        // Focus inside the room being hidden (Back, Forward) would fall back to <body>:
        // move it to the new room's heading instead.
        var room = document.activeElement && document.activeElement.closest("[data-scene]");
        var focusLost = Boolean(room) && room.getAttribute("data-scene") !== key;
        root.querySelectorAll("[data-scene]").forEach(function (section) {
            section.hidden = section.getAttribute("data-scene") !== key;
        });
        root.querySelectorAll(".tour-rooms [data-scene-link]").forEach(function (link) {
            if (link.getAttribute("data-scene-link") === key) {
                link.setAttribute("aria-current", "page");
            } else {
                link.removeAttribute("aria-current");
            }
        });
        document.title = scene.documentTitle;
        document.querySelectorAll(".language-switcher a[hreflang]").forEach(function (link) {
            var url = scene.alternates[link.getAttribute("hreflang")];
            if (url) {
                link.href = url;
            }
        });
        if (options.push) {
            window.history.pushState({ tourScene: key }, "", scene.url);
        }
        announce(strings.nowShowing.replace("%s", scene.title));
        if (options.focus || focusLost) {
            var heading = document.getElementById(root.querySelector('[data-scene="' + key + '"]').getAttribute("aria-labelledby"));
            heading.focus();
        }
    }

    function goTo(key, options) {
        if (!data.scenes[key] || key === currentKey) {
            return;
        }
        showScene(key, { push: options.push, focus: options.focus });
        viewer.loadScene(key);
    }

    // Pannellum's own scene hotspots (mouse, touch): follow with the page.
    viewer.on("scenechange", function (key) {
        if (key !== currentKey) {
            showScene(key, { push: true, focus: false });
        }
        describeHotspots();
    });

    // The hotspot list and the room list: real links, followed without a page load.
    root.addEventListener("click", function (event) {
        var link = event.target.closest("a[data-scene-link]");
        if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey ||
            event.shiftKey || event.altKey) {
            return;
        }
        var key = link.getAttribute("data-scene-link");
        if (!data.scenes[key]) {
            return;
        }
        event.preventDefault();
        goTo(key, { push: true, focus: true });
    });

    window.history.replaceState({ tourScene: currentKey }, "", window.location.href);
    window.addEventListener("popstate", function (event) {
        var key = event.state && event.state.tourScene;
        if (key && data.scenes[key] && key !== currentKey) {
            showScene(key, { push: false, focus: false });
            viewer.loadScene(key);
        }
    });

    // Opening an information or media hotspot in the list turns the view to it.
    root.addEventListener("toggle", function (event) {
        var details = event.target;
        if (!details.open || !details.matches("[data-hotspot-details]")) {
            return;
        }
        var id = details.closest("[data-hotspot]").getAttribute("data-hotspot");
        var hotspot = data.scenes[currentKey].hotSpots.filter(function (item) {
            return item.id === id;
        })[0];
        if (hotspot) {
            viewer.lookAt(hotspot.pitch, hotspot.yaw, undefined, reducedMotion.matches ? false : 1000);
        }
    }, true);

    // Pannellum's hotspots duplicate the list for pointer users: hide them from assistive technology.
    function describeHotspots() {
        root.querySelectorAll(".pnlm-hotspot-base").forEach(function (element) {
            element.setAttribute("aria-hidden", "true");
        });
    }
    viewer.on("load", describeHotspots);

    // Pannellum's controls are plain divs: name them and make them keyboard buttons.
    [[".pnlm-zoom-in", strings.zoomIn], [".pnlm-zoom-out", strings.zoomOut],
        [".pnlm-fullscreen-toggle-button", strings.fullscreen]].forEach(function (pair) {
        var control = root.querySelector(pair[0]);
        if (!control) {
            return;
        }
        control.setAttribute("role", "button");
        control.setAttribute("tabindex", "0");
        control.setAttribute("aria-label", pair[1]);
        control.title = pair[1];
        control.addEventListener("keydown", function (event) {
            if (event.key === "Enter" || event.key === " ") {
                event.preventDefault();
                event.stopPropagation();
                control.click();
            }
        });
    });

    // Auto-rotation: a visible pause button (WCAG 2.2.2), off for reduced motion.
    var rotation = document.createElement("button");
    rotation.type = "button";
    rotation.className = "tour-viewer__rotation";
    function setRotationButton(rotating) {
        rotation.textContent = rotating ? strings.pauseRotation : strings.startRotation;
    }
    var rotating = !reduce;
    setRotationButton(rotating);
    rotation.addEventListener("click", function () {
        rotating = !rotating;
        if (rotating) {
            viewer.startAutoRotate(data.autoRotate);
        } else {
            viewer.stopAutoRotate();
        }
        setRotationButton(rotating);
    });
    stage.insertBefore(rotation, stage.querySelector(".tour-viewer__help"));
    reducedMotion.addEventListener("change", function (event) {
        if (event.matches) {
            viewer.stopAutoRotate();
            rotating = false;
            setRotationButton(false);
        }
    });

    // No WebGL or a broken file: Pannellum shows its (translated) message; add the flat panorama.
    viewer.on("error", function () {
        var panoramas = data.scenes[currentKey].panoramas;
        if (!panoramas.length || stage.querySelector(".tour-viewer__flat")) {
            return;
        }
        var image = document.createElement("img");
        image.className = "tour-viewer__flat";
        image.src = panoramas[0].url;
        image.alt = "";
        stage.appendChild(image);
    });

    // For the editor's aid (tours-editor.js) and the browser tests.
    window.kipTour = { viewer: viewer, data: data, goTo: goTo, currentScene: function () { return currentKey; } };
})();
