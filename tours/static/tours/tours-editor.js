/* Keep in Pact virtual tours: the editor's aid, loaded only in the Wagtail preview.
 *
 * A click on the panorama (not a drag) shows the yaw and pitch of that point,
 * in degrees to one decimal, marks it with a pin, and offers them to copy
 * into a hotspot. "Use the centre of the view" gives the view's yaw, pitch
 * and field of view, for a scene's initial view; it also serves keyboard users.
 */
(function () {
    "use strict";

    var tour = window.kipTour;
    var stage = document.querySelector("[data-tour-stage]");
    if (!tour || !stage || !tour.data.editorStrings) {
        return;
    }
    var viewer = tour.viewer;
    var strings = tour.data.editorStrings;
    var PIN = "kip-editor-pin";

    function round(value) {
        return (Math.round(value * 10) / 10).toFixed(1);
    }

    function field(name, label) {
        var wrapper = document.createElement("label");
        wrapper.className = "tour-editor__field";
        wrapper.textContent = label + " ";
        var input = document.createElement("input");
        input.type = "text";
        input.readOnly = true;
        input.size = 7;
        input.name = name;
        input.setAttribute("data-editor-" + name, "");
        wrapper.appendChild(input);
        return { wrapper: wrapper, input: input };
    }

    var panel = document.createElement("section");
    panel.className = "tour-editor";
    panel.setAttribute("aria-label", strings.heading);
    panel.innerHTML = "<h2 class='tour-editor__heading'></h2><p class='tour-editor__help'></p>";
    panel.querySelector("h2").textContent = strings.heading;
    panel.querySelector("p").textContent = strings.help;
    var yaw = field("yaw", strings.yaw);
    var pitch = field("pitch", strings.pitch);
    var hfov = field("hfov", strings.fieldOfView);
    [yaw, pitch, hfov].forEach(function (item) {
        panel.appendChild(item.wrapper);
    });
    var copy = document.createElement("button");
    copy.type = "button";
    copy.textContent = strings.copy;
    var centre = document.createElement("button");
    centre.type = "button";
    centre.textContent = strings.centre;
    var status = document.createElement("p");
    status.className = "tour-editor__status";
    status.setAttribute("role", "status");
    panel.appendChild(copy);
    panel.appendChild(centre);
    panel.appendChild(status);
    stage.parentNode.insertBefore(panel, stage.nextSibling);

    function show(pitchValue, yawValue, hfovValue) {
        yaw.input.value = round(yawValue);
        pitch.input.value = round(pitchValue);
        hfov.input.value = hfovValue === undefined ? "" : round(hfovValue);
        viewer.removeHotSpot(PIN);
        viewer.addHotSpot({
            id: PIN,
            pitch: pitchValue,
            yaw: yawValue,
            type: "info",
            cssClass: "tour-editor__pin",
            text: strings.marker.replace("%(yaw)s", yaw.input.value).replace("%(pitch)s", pitch.input.value)
        });
        status.textContent = strings.marker.replace("%(yaw)s", yaw.input.value).replace("%(pitch)s", pitch.input.value);
    }

    // A click is a press and release without a drag (at most 4 px apart).
    var down = null;
    viewer.on("mousedown", function (event) {
        down = { x: event.clientX, y: event.clientY };
    });
    viewer.on("mouseup", function (event) {
        if (!down || Math.abs(event.clientX - down.x) > 4 || Math.abs(event.clientY - down.y) > 4) {
            down = null;
            return;
        }
        down = null;
        var coords = viewer.mouseEventToCoords(event);
        show(coords[0], coords[1]);
    });

    centre.addEventListener("click", function () {
        show(viewer.getPitch(), viewer.getYaw(), viewer.getHfov());
    });

    copy.addEventListener("click", function () {
        var text = "yaw " + yaw.input.value + ", pitch " + pitch.input.value;
        var done = function () {
            status.textContent = strings.copied.replace("%s", text);
        };
        if (navigator.clipboard && navigator.clipboard.writeText) {
            navigator.clipboard.writeText(text).then(done, function () {
                yaw.input.select();
            });
        } else {
            yaw.input.select();
        }
    });

    window.kipTourEditor = { show: show };
})();
